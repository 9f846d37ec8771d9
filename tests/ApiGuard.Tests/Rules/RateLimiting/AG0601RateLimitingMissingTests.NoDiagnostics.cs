using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimitingMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimitingMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0601RateLimitingMissingTests
{
    [Fact]
    public Task AddAndUseRateLimiter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); }));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """);

    [Fact]
    public Task OnlyAddRateLimiter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => { });
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task OnlyUseRateLimiter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task UseRateLimiter_InsideNotDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetConcurrencyLimiter("all", _ => new ConcurrencyLimiterOptions { PermitLimit = 10 })));
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task RateLimiterInHelperExtensionsInAnotherFile_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddApiRateLimiting();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseApiRateLimiting();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """);
        test.TestState.Sources.Add(("/0/RateLimiting.cs", """
            using System.Threading.RateLimiting;

            namespace Contoso.Api;

            public static class RateLimitingExtensions
            {
                public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
                    => services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all")));

                public static IApplicationBuilder UseApiRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();
            }
            """));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("MiddlewareExtensions", "UseIpRateLimiting")]
    [InlineData("MiddlewareExtensions", "UseClientRateLimiting")]
    [InlineData("StartupExtensions", "UseIpRateLimiting")]
    [InlineData("RateLimitExtensions", "UseClientRateLimiting")]
    public Task AspNetCoreRateLimit_NoDiagnostic(string extensionsClass, string method)
    {
        var test = VerifyCS.Create($$"""
            using AspNetCoreRateLimit;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddInMemoryRateLimiting();
            var app = builder.Build();
            app.{{method}}();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(StandIns.AspNetCoreRateLimit(extensionsClass));
        return test.RunAsync();
    }

    [Fact]
    public Task AspNetCoreRateLimit_InStartup_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using AspNetCoreRateLimit;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddInMemoryRateLimiting();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseIpRateLimiting();
                    }

                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(StandIns.AspNetCoreRateLimit());
        return test.RunAsync();
    }

    [Fact]
    public Task AspNetCoreRateLimit_SourceInTheProject_NoDiagnostic()
    {
        // A vendored copy of the library: its middleware extension is user code, followed into its body.
        var test = VerifyCS.Create("""
            using AspNetCoreRateLimit;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseIpRateLimiting();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/AspNetCoreRateLimit.cs", StandIns.AspNetCoreRateLimitSource()));
        return test.RunAsync();
    }

    [Fact]
    public Task NoEndpoints_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseHttpsRedirection();
            app.Run(async context => await context.Response.WriteAsync("hi"));
            """);

    [Fact]
    public Task EndpointsOnlyInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/debug/config", () => "config");
            }

            app.Run();
            """);

    [Fact]
    public Task UseRateLimiter_UnderUnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (Deployment.IsPublic(app.Environment))
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "hi");
            app.Run();

            static class Deployment
            {
                public static bool IsPublic(IHostEnvironment env) => env.EnvironmentName != "Local";
            }
            """);

    [Fact]
    public Task EnforcedExternally_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            "apiguard.rate_limiting.enforced_externally = true");

    [Fact]
    public Task EnforcedExternally_InGlobalConfig_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\napiguard.rate_limiting.enforced_externally = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task EnforcedExternally_False_Reports()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = {|AG0601:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            "apiguard.rate_limiting.enforced_externally = false");

    [Fact]
    public Task OpaqueHelper_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Action<WebApplication> configure = a => { };
            var app = WebApplication.Create(args);
            configure(app);
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task UseRateLimiterOnlyInMapWhenBranch_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;

            // The limiter covers only the /legacy branch; /orders is not limited, and neither AG0601 nor AG0602 says so.
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all")));
            var app = builder.Build();
            app.MapWhen(c => c.Request.Path.StartsWithSegments("/legacy"), b => b.UseRateLimiter());
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);

    [Fact]
    public Task StartupDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """);

    [Fact]
    public Task WorkerService_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = Host.CreateApplicationBuilder(args);
            builder.Build().Run();
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task NotAnAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            System.Console.WriteLine("hi");
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }
}
