using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DeveloperExceptionPageInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DeveloperExceptionPageInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0401DeveloperExceptionPageInProductionTests
{
    [Fact]
    public Task Fix_Unguarded_WrapsInDevelopmentGuard()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0401:UseDeveloperExceptionPage()|};
            app.UseHttpsRedirection();
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            app.UseHttpsRedirection();
            app.Run();
            """);

    [Fact]
    public Task Fix_UnguardedWithHandlerOption_AddsExceptionHandler()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0401:UseDeveloperExceptionPage()|};
            app.UseHttpsRedirection();
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            else
            {
                app.UseExceptionHandler("/error");
            }
            app.UseHttpsRedirection();
            app.Run();
            """,
            equivalenceKey: "AG0401.GuardAndAddExceptionHandler");

    [Fact]
    public Task Fix_ExistingDevelopmentBlock_MovesCallThere()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseHttpLogging();
            }

            app.{|AG0401:UseDeveloperExceptionPage()|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseHttpLogging();
                app.UseDeveloperExceptionPage();
            }
            app.Run();
            """);

    [Fact]
    public Task Fix_InvertedGuard_MovesCallIntoNewDevelopmentGuard()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.UseHttpsRedirection();
                app.{|AG0401:UseDeveloperExceptionPage()|};
            }

            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            if (!app.Environment.IsDevelopment())
            {
                app.UseHttpsRedirection();
            }

            app.Run();
            """);

    [Fact]
    public Task Fix_StartupWithoutEnvironment_AddsParameter()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|AG0401:UseDeveloperExceptionPage()|};
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task Fix_HelperWithWebApplication_WrapsInPlace()
        => VerifyCS.VerifyCodeFixAsync("""
            public static class DiagnosticsExtensions
            {
                public static WebApplication UseDiagnostics(this WebApplication app)
                {
                    app.{|AG0401:UseDeveloperExceptionPage()|};
                    return app;
                }
            }
            """, """
            public static class DiagnosticsExtensions
            {
                public static WebApplication UseDiagnostics(this WebApplication app)
                {
                    if (app.Environment.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    return app;
                }
            }
            """);

    [Fact]
    public Task Fix_HelperWithApplicationBuilder_ReadsEnvironmentFromServices()
        => VerifyCS.VerifyCodeFixAsync("""
            public static class DiagnosticsExtensions
            {
                public static void UseDiagnostics(this IApplicationBuilder app)
                {
                    app.{|AG0401:UseDeveloperExceptionPage()|};
                }
            }
            """, """
            public static class DiagnosticsExtensions
            {
                public static void UseDiagnostics(this IApplicationBuilder app)
                {
                    if (app.ApplicationServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """);

    [Fact]
    public Task FixAll_SeveralPages_GuardsEach()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0401:UseDeveloperExceptionPage()|};
            app.{|AG0401:UseDatabaseErrorPage()|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                app.UseDatabaseErrorPage();
            }
            app.Run();
            """);

        // One at a time, the second call joins the guard the first fix made; Fix All guards each call where it is.
        test.BatchFixedState.Sources.Add(("/0/Test0.cs", """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            if (app.Environment.IsDevelopment())
            {
                app.UseDatabaseErrorPage();
            }
            app.Run();
            """));
        test.TestState.Sources.Add(("/0/EntityFramework.cs", EntityFrameworkPages));
        test.FixedState.Sources.Add(("/0/EntityFramework.cs", EntityFrameworkPages));
        test.BatchFixedState.Sources.Add(("/0/EntityFramework.cs", EntityFrameworkPages));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_InsideBranchLambda_WrapsInPlace()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/internal"), branch =>
            {
                branch.{|AG0401:UseDeveloperExceptionPage()|};
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/internal"), branch =>
            {
                if (app.Environment.IsDevelopment())
                {
                    branch.UseDeveloperExceptionPage();
                }
            });
            app.Run();
            """);
}
