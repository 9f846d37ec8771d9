using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HttpsRedirectionMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HttpsRedirectionMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0102HttpsRedirectionMissingTests
{
    [Fact]
    public Task UseHttpsRedirection_Unguarded_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task UseHttpsRedirection_InsideNotDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                        app.UseHttpsRedirection();
                    }

                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task UseHttpsRedirection_Chained_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app) => app.UseHsts().UseHttpsRedirection().UseRouting();
            }
            """);

    [Fact]
    public Task UseHttpsRedirection_InHelper_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseTransportSecurity();
            app.Run();

            public static class Transport
            {
                public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app) => app.UseHsts().UseHttpsRedirection();
            }
            """);

    [Fact]
    public Task UseHttpsRedirection_UnderUnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.EnvironmentName.StartsWith("Prod"))
            {
                app.UseHttpsRedirection();
            }

            app.Run();
            """);

    [Fact]
    public Task GlobalRequireHttpsFilter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(options => options.Filters.Add(new RequireHttpsAttribute()));
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """);

    [Fact]
    public Task GlobalRequireHttpsFilterByType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddMvc(o => o.Filters.Add<RequireHttpsAttribute>());

                public void Configure(IApplicationBuilder app) => app.UseRouting().UseEndpoints(e => e.MapControllers());
            }
            """);

    [Fact]
    public Task RequireHttpsOnControllers_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [RequireHttps]
            public abstract class SecureControllerBase : ControllerBase
            {
            }
            """);

    [Fact]
    public Task TlsTerminatedByProxy_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            "apiguard.transport.tls_terminated_by_proxy = true");

    [Fact]
    public Task OpaqueHelper_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Action<WebApplication> configure = a => { };
            var app = WebApplication.Create(args);
            configure(app);
            app.Run();
            """);

    [Fact]
    public Task RequireHttpsOnOneControllerOnly_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            var app = WebApplication.Create(args);
            app.MapGet("/plain", () => "served over HTTP too");
            app.MapControllers();
            app.Run();

            [RequireHttps]
            public class AccountController : ControllerBase
            {
            }
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
