using System.Collections.Immutable;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>The shared app model: where apps are configured, which steps they run, under which guards, and when the model is incomplete.</summary>
public class AppModelProviderTests
{
    private const string HelpersFile = """
        namespace Contoso.Api;

        public static class PipelineExtensions
        {
            public static WebApplication UseSecurityHeaders(this WebApplication app)
            {
                app.UseHsts();
                app.UseHttpsRedirection();
                return app;
            }

            public static IApplicationBuilder UseErrorPages(this IApplicationBuilder app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/error");
                }

                return app;
            }

            public static IServiceCollection AddApiServices(this IServiceCollection services)
            {
                services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
                return services;
            }
        }
        """;

    [Fact]
    public void TopLevel_StepsInOrderWithGuards()
    {
        var app = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHsts(o => o.IncludeSubDomains = true);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            else
            {
                app.UseExceptionHandler("/error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

        Assert.Equal(AppKind.TopLevel, app.Kind);
        Assert.False(app.IsIncomplete);
        Assert.Equal("builder.Build()", app.AnchorSyntax.ToString());
        Assert.Equal(
            new[]
            {
                "AddHsts[Always]", "IncludeSubDomains[Always]", "Build[Always]", "UseDeveloperExceptionPage[DevelopmentOnly]",
                "UseExceptionHandler[NonDevelopmentOnly]", "UseHsts[NonDevelopmentOnly]", "UseHttpsRedirection[Always]", "MapGet[Always]", "Run[Always]",
            },
            Render(app, s => s.Member.Name is not ("CreateBuilder" or "IsDevelopment" or "get_Environment")));
        Assert.Equal("app", app.Names.App);
        Assert.Equal("builder", app.Names.Builder);
        Assert.Equal("app.Environment", app.Names.Environment);
        Assert.Equal("builder.Services", app.Names.Services);
        Assert.True(app.MapsEndpoints);
        Assert.Equal(2, app.ServiceStatements.Length);
        Assert.Equal("if (app.Environment.IsDevelopment())", app.PipelineStatements[0].ToString().Split('\n')[0].TrimEnd());
    }

    [Fact]
    public void FluentChain_RunsReceiverFirst()
    {
        var app = SingleApp("""
            var app = WebApplication.Create(args);
            app.UseHttpsRedirection().UseHsts().UseRouting();
            app.Run();
            """);

        Assert.Equal("WebApplication.Create(args)", app.AnchorSyntax.ToString());
        Assert.Equal(new[] { "UseHttpsRedirection[Always]", "UseHsts[Always]", "UseRouting[Always]" }, Render(app, s => s.Member.Name.StartsWith("Use", StringComparison.Ordinal)));
    }

    [Fact]
    public void RequestHandlers_AreNotSteps()
    {
        // Handlers serve requests, they do not configure the app; the options lambda of a registration does.
        var app = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(Days()));
            var app = builder.Build();
            app.MapGet("/", () => Results.Ok(Days()));
            app.MapPost("/", (HttpContext context) => context.Response.WriteAsync("posted"));
            app.Run(context => context.Response.WriteAsync("fallback"));

            static int Days() => 365;
            """);

        Assert.Equal(
            new[] { "AddHsts[Always]", "MaxAge[Always]", "Days[Always]", "MapGet[Always]", "MapPost[Always]", "Run[Always]" },
            Render(app, s => s.Member.Name is not ("CreateBuilder" or "Build" or "FromDays" or "get_Services")));
    }

    [Fact]
    public void Branches_AreMarked()
    {
        var app = SingleApp("""
            var app = WebApplication.Create(args);
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseHsts());
            app.MapWhen(c => c.Request.Query.ContainsKey("x"), b => b.UseHttpsRedirection());
            app.Map("/legacy", b => b.UseDeveloperExceptionPage());
            app.UseRouting();
            app.Run();
            """);

        Assert.Equal(
            new[] { "UseWhen[Always]", "UseHsts[Always, UseWhen]", "MapWhen[Always]", "UseHttpsRedirection[Always, MapWhen]", "Map[Always]", "UseDeveloperExceptionPage[Always, Map]", "UseRouting[Always]" },
            Render(app, s => s.Member.Name.StartsWith("Use", StringComparison.Ordinal) || s.Member.Name.StartsWith("Map", StringComparison.Ordinal)));
    }

    [Fact]
    public void HelpersInOtherFiles_AreFollowedWithCallSiteGuards()
    {
        var app = SingleApp(
            """
            using Contoso.Api;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApiServices();
            var app = builder.Build();
            app.UseErrorPages(app.Environment);
            if (!app.Environment.IsDevelopment())
            {
                app.UseSecurityHeaders();
            }

            app.Run();
            """,
            ("/Helpers.cs", HelpersFile));

        Assert.False(app.IsIncomplete);
        Assert.Equal(
            new[]
            {
                "AddHsts[Always] via AddApiServices", "UseDeveloperExceptionPage[DevelopmentOnly] via UseErrorPages",
                "UseExceptionHandler[NonDevelopmentOnly] via UseErrorPages", "UseHsts[NonDevelopmentOnly] via UseSecurityHeaders",
                "UseHttpsRedirection[NonDevelopmentOnly] via UseSecurityHeaders",
            },
            Render(app, s => s.Member.Name is "AddHsts" or "UseDeveloperExceptionPage" or "UseExceptionHandler" or "UseHsts" or "UseHttpsRedirection"));

        var hsts = app.Steps.Single(s => s.Member.Name == "UseHsts");
        Assert.Equal("/Helpers.cs", hsts.Syntax.SyntaxTree.FilePath);
        Assert.Equal("app.UseSecurityHeaders()", hsts.HelperCallSites.Single().ToString());
        Assert.StartsWith("if (!app.Environment.IsDevelopment())", app.StatementOf(hsts)!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void LocalFunction_IsFollowedWhereCalled()
    {
        var app = SingleApp("""
            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                ConfigureProduction();
            }

            app.Run();

            void ConfigureProduction() => app.UseHsts();
            """);

        Assert.Equal(new[] { "UseHsts[NonDevelopmentOnly] via ConfigureProduction" }, Render(app, s => s.Member.Name == "UseHsts"));
    }

    [Fact]
    public void HelperDeeperThanLimit_MakesModelIncomplete()
    {
        var app = SingleApp("""
            var app = WebApplication.Create(args);
            app.Level1();
            app.Run();

            static class Chain
            {
                public static void Level1(this WebApplication app) => app.Level2();
                public static void Level2(this WebApplication app) => app.Level3();
                public static void Level3(this WebApplication app) => app.Level4();
                public static void Level4(this WebApplication app) => app.Level5();
                public static void Level5(this WebApplication app) => app.UseHsts();
            }
            """);

        Assert.True(app.IsIncomplete);
        Assert.Contains(app.IncompleteReasons, r => r.Contains("Level5", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Steps, s => s.Member.Name == "UseHsts");
    }

    [Fact]
    public void HelperWithinLimit_IsComplete()
    {
        var app = SingleApp("""
            var app = WebApplication.Create(args);
            app.Level1();
            app.Run();

            static class Chain
            {
                public static void Level1(this WebApplication app) => app.Level2();
                public static void Level2(this WebApplication app) => app.Level3();
                public static void Level3(this WebApplication app) => app.Level4();
                public static void Level4(this WebApplication app) => app.UseHsts();
            }
            """);

        Assert.False(app.IsIncomplete);
        Assert.Equal(new[] { "UseHsts[Always] via Level1 > Level2 > Level3 > Level4" }, Render(app, s => s.Member.Name == "UseHsts"));
    }

    [Fact]
    public void RecursiveHelper_Terminates()
    {
        var app = SingleApp("""
            var app = WebApplication.Create(args);
            app.Configure(3);
            app.Run();

            static class Recursive
            {
                public static void Configure(this WebApplication app, int n)
                {
                    if (n > 0)
                    {
                        app.Configure(n - 1);
                    }

                    app.UseHsts();
                }
            }
            """);

        Assert.Equal(new[] { "UseHsts[Always] via Configure" }, Render(app, s => s.Member.Name == "UseHsts"));
    }

    [Fact]
    public void HelperFromUnknownLibrary_MakesModelIncomplete()
    {
        var app = SingleApp(
            """
            var app = WebApplication.Create(args);
            Contoso.Platform.PlatformDefaults.UsePlatformDefaults(app);
            app.Run();
            """,
            references: Library("Contoso.Platform", """
                namespace Contoso.Platform;

                public static class PlatformDefaults
                {
                    public static void UsePlatformDefaults(Microsoft.AspNetCore.Builder.IApplicationBuilder app) { }
                }
                """));

        Assert.True(app.IsIncomplete);
        Assert.Contains(app.IncompleteReasons, r => r.Contains("UsePlatformDefaults", StringComparison.Ordinal));
    }

    [Fact]
    public void HelperFromKnownLibrary_KeepsModelComplete()
    {
        var app = SingleApp(
            """
            var app = WebApplication.Create(args);
            Microsoft.AspNetCore.Builder.SwaggerBuilderExtensions.UseSwagger(app);
            app.Run();
            """,
            references: Library("Swashbuckle.AspNetCore.Swagger", """
                namespace Microsoft.AspNetCore.Builder;

                public static class SwaggerBuilderExtensions
                {
                    public static IApplicationBuilder UseSwagger(this IApplicationBuilder app) => app;
                }
                """));

        Assert.False(app.IsIncomplete);
        Assert.Contains(app.Steps, s => s.Member.Name == "UseSwagger");
    }

    [Fact]
    public void DelegateTakingTheApp_MakesModelIncomplete()
    {
        var app = SingleApp("""
            Action<WebApplication> configure = a => a.UseHsts();
            var app = WebApplication.Create(args);
            configure(app);
            app.Run();
            """);

        Assert.True(app.IsIncomplete);
    }

    [Fact]
    public void StaticMain_IsAnApp()
    {
        var app = SingleApp("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.UseHsts();
                    app.Run();
                }
            }
            """,
            outputKind: OutputKind.ConsoleApplication);

        Assert.Equal(AppKind.Main, app.Kind);
        Assert.Equal(new[] { "UseHsts[Always]" }, Render(app, s => s.Member.Name == "UseHsts"));
    }

    [Fact]
    public void Startup_ConfigureAndConfigureServicesAndVariants()
    {
        var app = SingleApp(
            """
            using Contoso.Api;
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddApiServices();
                    services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); }));
                }

                public void ConfigureDevelopmentServices(IServiceCollection services) => services.AddHttpLogging(_ => { });

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }

                public void ConfigureDevelopment(IApplicationBuilder app) => app.UseHttpLogging();
            }
            """,
            ("/Helpers.cs", HelpersFile));

        Assert.Equal(AppKind.Startup, app.Kind);
        Assert.Equal("Configure", app.Entry.Name);
        Assert.Equal("ConfigureServices", app.ConfigureServices!.Name);
        Assert.Equal(
            new[]
            {
                "AddApiServices[Always]", "AddHsts[Always] via AddApiServices", "AddRateLimiter[Always]", "AddFixedWindowLimiter[Always]", "AddHttpLogging[DevelopmentOnly]",
                "UseDeveloperExceptionPage[DevelopmentOnly]", "UseRouting[Always]", "UseRateLimiter[Always]", "UseEndpoints[Always]", "MapControllers[Always]",
                "UseHttpLogging[DevelopmentOnly]",
            },
            Render(app, s => s.Member.Name.StartsWith("Use", StringComparison.Ordinal) || s.Member.Name.StartsWith("Add", StringComparison.Ordinal) || s.Member.Name.StartsWith("Map", StringComparison.Ordinal)));
        Assert.Equal("app", app.Names.App);
        Assert.Equal("env", app.Names.Environment);
        Assert.Equal("services", app.Names.Services);
        Assert.True(app.MapsEndpoints);
        Assert.Equal("Configure", app.Anchor.SourceTree!.GetText().ToString(app.Anchor.SourceSpan));
    }

    [Fact]
    public void StartupWithoutEnvironmentParameter_HasNoEnvironmentName()
    {
        var app = SingleApp("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseHsts();
            }
            """);

        Assert.Null(app.Names.Environment);
        Assert.Null(app.ConfigureServices);
    }

    [Fact]
    public void StartupDevelopment_IsDevelopmentOnly()
    {
        var app = SingleApp("""
            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }
            """);

        Assert.True(app.IsDevelopmentOnly);
    }

    [Fact]
    public void RateLimiterOptions_AreSteps()
    {
        var app = SingleApp("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c =>
                    RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromSeconds(1) }));
            });
            var app = builder.Build();
            app.Run();
            """);

        Assert.Equal(new[] { "AddRateLimiter[Always]", "RejectionStatusCode[Always]", "GlobalLimiter[Always]" }, Render(app, s => s.Member.Name is "AddRateLimiter" or "RejectionStatusCode" or "GlobalLimiter"));
    }

    [Fact]
    public void NoWebHost_HasNoApp()
    {
        Assert.Empty(Apps(new[] { ("/Program.cs", "System.Console.WriteLine(\"hi\");") }));
    }

    [Fact]
    public void WithoutAspNetCore_HasNoApp()
    {
        var compilation = CSharpCompilation.Create(
            "Plain",
            new[] { CSharpSyntaxTree.ParseText("System.Console.WriteLine(1);", new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.Net80WithoutAspNetCore,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(AppModelProvider.GetOrCreate(compilation).GetApps(CancellationToken.None));
    }

    [Fact]
    public void StepsAt_HelperCalledTwice_ReturnsBothSteps()
    {
        var compilation = AnalyzerRunner.Compile(new[]
        {
            ("/Program.cs", """
                using Contoso.Api;

                var app = WebApplication.Create(args);
                if (app.Environment.IsDevelopment())
                {
                    app.UseSecurityHeaders();
                }

                app.UseSecurityHeaders();
                app.Run();
                """),
            ("/Helpers.cs", HelpersFile),
        });
        var provider = AppModelProvider.GetOrCreate(compilation);
        var hsts = provider.GetApps(CancellationToken.None).Single().Steps.First(s => s.Member.Name == "UseHsts");
        var steps = provider.StepsAt(hsts.Syntax, CancellationToken.None);
        Assert.Equal(new[] { GuardKind.DevelopmentOnly, GuardKind.Always }, steps.Select(s => s.Guard));
    }

    [Fact]
    public void SameCompilation_ComputesOnce()
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n") });
        var provider = AppModelProvider.GetOrCreate(compilation);
        Assert.Same(provider, AppModelProvider.GetOrCreate(compilation));
        var first = provider.GetApps(CancellationToken.None);
        Assert.Equal(first, provider.GetApps(CancellationToken.None));
        Assert.Same(first.Single(), provider.GetApps(CancellationToken.None).Single());
    }

    [Fact]
    public void AuthenticationFacts_CookiesIdentityAndBearer()
    {
        var cookies = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            app.Run();
            """);
        Assert.True(cookies.RegistersAuthentication);
        Assert.True(cookies.AuthenticatesWithCookies);

        var identity = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<Microsoft.AspNetCore.Identity.IdentityUser, Microsoft.AspNetCore.Identity.IdentityRole>();
            var app = builder.Build();
            app.Run();
            """);
        Assert.True(identity.RegistersAuthentication);
        Assert.True(identity.AuthenticatesWithCookies);

        var bearer = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Bearer");
            var app = builder.Build();
            app.Run();
            """);
        Assert.True(bearer.RegistersAuthentication);
        Assert.False(bearer.AuthenticatesWithCookies);

        var developmentOnly = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddAuthentication().AddCookie();
            }

            var app = builder.Build();
            app.Run();
            """);
        Assert.False(developmentOnly.RegistersAuthentication);
        Assert.False(developmentOnly.AuthenticatesWithCookies);
    }

    [Fact]
    public void RunTogether_ComparesOnlyStepsOfTheSameRequests()
    {
        var app = SingleApp("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
                app.UseHttpsRedirection();
            }

            if (app.Environment.IsProduction())
            {
                app.UseCors();
            }

            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.Map("/a", a => a.UseAuthentication());
            app.Map("/b", b => { b.UseAuthorization(); b.UseStaticFiles(); });
            app.Run();
            """);
        AppStep Step(string name) => app.Steps.Single(s => s.Member.Name == name);

        Assert.True(app.RunTogether(Step("UseRouting"), Step("UseHsts")));
        Assert.True(app.RunTogether(Step("UseHsts"), Step("UseHttpsRedirection")));
        Assert.False(app.RunTogether(Step("UseHsts"), Step("UseCors")));
        Assert.False(app.RunTogether(Step("UseRouting"), Step("UseDeveloperExceptionPage")));
        Assert.False(app.RunTogether(Step("UseRouting"), Step("UseAuthentication")));
        Assert.False(app.RunTogether(Step("UseAuthentication"), Step("UseAuthorization")));
        Assert.True(app.RunTogether(Step("UseAuthorization"), Step("UseStaticFiles")));
    }

    private static WebAppModel SingleApp(string program, (string Path, string Text)? other = null, MetadataReference? references = null, OutputKind? outputKind = null)
    {
        var sources = new List<(string, string)> { ("/Program.cs", program) };
        if (other is { } file)
        {
            sources.Add(file);
        }

        return Assert.Single(Apps(sources, references, outputKind));
    }

    private static ImmutableArray<WebAppModel> Apps(IEnumerable<(string Path, string Text)> sources, MetadataReference? reference = null, OutputKind? outputKind = null)
    {
        Compilation compilation = AnalyzerRunner.Compile(sources, AspNetCoreVersion.Net80);
        if (reference is not null)
        {
            compilation = compilation.AddReferences(reference);
        }

        if (outputKind is { } kind)
        {
            compilation = compilation.WithOptions(compilation.Options.WithOutputKind(kind));
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        return AppModelProvider.GetOrCreate(compilation).GetApps(CancellationToken.None);
    }

    private static MetadataReference Library(string assemblyName, string source)
    {
        var library = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = library.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static string[] Render(WebAppModel app, Func<AppStep, bool> filter)
        => app.Steps.Where(filter).Select(s =>
            $"{s.Member.Name}[{s.Guard}{(s.Branch == BranchKind.None ? string.Empty : ", " + s.Branch)}]"
            + (s.Helpers.IsEmpty ? string.Empty : " via " + string.Join(" > ", s.Helpers.Select(h => h.Name)))).ToArray();
}
