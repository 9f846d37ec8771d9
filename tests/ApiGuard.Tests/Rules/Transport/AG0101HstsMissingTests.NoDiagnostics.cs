using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HstsMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HstsMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0101HstsMissingTests
{
    [Fact]
    public Task UseHsts_InsideNotDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """);

    [Fact]
    public Task UseHsts_InElseBranch_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseHsts();
                    }
                }
            }
            """);

    [Fact]
    public Task UseHsts_Unguarded_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseHsts();
            app.Run();
            """);

    [Fact]
    public Task UseHsts_Chained_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseHttpsRedirection().UseHsts().UseRouting();
            app.Run();
            """);

    [Fact]
    public Task UseHsts_AfterEarlyReturnInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    if (env.IsDevelopment())
                    {
                        return;
                    }

                    app.UseHsts();
                }
            }
            """);

    [Fact]
    public Task UseHsts_InHelperInAnotherFile_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.UseProductionTransport();
            }

            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Transport.cs", """
            namespace Contoso.Api;

            public static class TransportExtensions
            {
                public static WebApplication UseProductionTransport(this WebApplication app)
                {
                    app.UseHsts();
                    app.UseHttpsRedirection();
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UseHsts_InLocalBoolGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var isDevelopment = app.Environment.IsDevelopment();
            if (!isDevelopment)
            {
                app.UseHsts();
            }

            app.Run();
            """);

    [Fact]
    public Task UseHsts_InUseWhenBranch_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseWhen(c => !c.Request.Host.Host.StartsWith("localhost"), b => b.UseHsts());
            app.Run();
            """);

    [Fact]
    public Task UseHsts_UnderUnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (Deployment.IsPublic(app.Environment))
            {
                app.UseHsts();
            }

            app.Run();

            static class Deployment
            {
                public static bool IsPublic(IHostEnvironment env) => env.EnvironmentName != "Local";
            }
            """);

    [Fact]
    public Task OpaqueHelper_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Action<WebApplication> configure = a => { };
            var app = WebApplication.Create(args);
            configure(app);
            app.Run();
            """);

    [Fact]
    public Task StartupDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app) => app.UseDeveloperExceptionPage();
            }
            """);

    [Fact]
    public Task WorkerService_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = Host.CreateApplicationBuilder(args);
            builder.Build().Run();
            """);

    [Fact]
    public Task HstsEnforcedExternally_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = WebApplication.Create(args);
            app.Run();
            """,
            "apiguard.transport.hsts_enforced_externally = true");

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
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
