using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DeveloperExceptionPageInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DeveloperExceptionPageInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0401DeveloperExceptionPageInProductionTests
{
    [Theory]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseDeveloperExceptionPage(); }")]
    [InlineData("if (!app.Environment.IsDevelopment()) { app.UseExceptionHandler(\"/error\"); } else { app.UseDeveloperExceptionPage(); }")]
    [InlineData("if (app.Environment.IsEnvironment(\"Development\")) app.UseDeveloperExceptionPage();")]
    [InlineData("if (app.Environment.EnvironmentName == Environments.Development) app.UseDeveloperExceptionPage();")]
    [InlineData("if (!app.Environment.IsDevelopment()) return; app.UseDeveloperExceptionPage();")]
    [InlineData("var isDev = app.Environment.IsDevelopment(); if (isDev) app.UseDeveloperExceptionPage();")]
    [InlineData("if (app.Environment.IsDevelopment() && args.Length == 0) app.UseDeveloperExceptionPage();")]
    [InlineData("_ = app.Environment.IsDevelopment() ? app.UseDeveloperExceptionPage() : app.UseExceptionHandler(\"/error\");")]
    public Task TopLevel_DevelopmentGuard_NoDiagnostic(string pipeline)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            var app = WebApplication.Create(args);
            {{pipeline}}
            app.Run();
            """);

    [Fact]
    public Task Startup_DevelopmentGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                }
            }
            """);

    [Fact]
    public Task StartupDevelopmentClass_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }
            """);

    [Fact]
    public Task ConfigureDevelopmentMethod_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseExceptionHandler("/error");

                public void ConfigureDevelopment(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }
            """);

    [Fact]
    public Task Helper_CalledOnlyInDevelopment_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDiagnostics();
            }

            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Diagnostics.cs", """
            public static class DiagnosticsExtensions
            {
                public static WebApplication UseDiagnostics(this WebApplication app)
                {
                    app.UseDeveloperExceptionPage();
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (Deployment.IsInternal(app.Environment))
            {
                app.UseDeveloperExceptionPage();
            }

            app.Run();

            static class Deployment
            {
                public static bool IsInternal(IHostEnvironment env) => env.EnvironmentName == "Internal";
            }
            """);

    [Fact]
    public Task DatabaseDeveloperPageExceptionFilter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.UseExceptionHandler();
            app.Run();
            """);

    [Fact]
    public Task LookAlikeUserMethod_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseDeveloperExceptionPage("custom");
            app.Run();

            static class MyPages
            {
                public static WebApplication UseDeveloperExceptionPage(this WebApplication app, string name) => app;
            }
            """);

    [Fact]
    public Task HelperCalledThroughDelegate_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Func<IApplicationBuilder, IApplicationBuilder> configure = DeveloperExceptionPageExtensions.UseDeveloperExceptionPage;
            var app = WebApplication.Create(args);
            configure(app);
            app.Run();
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseDeveloperExceptionPage();
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
