using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimiterHalfConfiguredAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimiterHalfConfiguredCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0602RateLimiterHalfConfiguredTests
{
    [Fact]
    public Task AddWithPolicyAndUse_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            const string Api = "api";
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter(Api, {{FixedWindow}}));
            var app = builder.Build();
            app.UseRouting();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting(Api);
            app.MapGet("/health", () => "ok").DisableRateLimiting();
            app.Run();
            """);

    [Fact]
    public Task GlobalLimiterInConfigureRateLimiterOptions_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ => { });
            builder.Services.Configure<RateLimiterOptions>(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all")));
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """);

    [Fact]
    public Task PoliciesInHelperExtensionInAnotherFile_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options => options.AddApiPolicies());
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    if (!env.IsDevelopment())
                    {
                        app.UseRateLimiter();
                    }

                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);
        test.TestState.Sources.Add(("/0/RateLimitPolicies.cs", $$"""
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api;

            public static class RateLimitPolicies
            {
                public static RateLimiterOptions AddApiPolicies(this RateLimiterOptions options)
                    => options.AddFixedWindowLimiter("api", {{FixedWindow}});
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task OptionsFromMethodGroup_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(Limits.Configure);
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();

            static class Limits
            {
                public static void Configure(RateLimiterOptions options) => options.AddConcurrencyLimiter("uploads", c => c.PermitLimit = 2);
            }
            """);

    [Fact]
    public Task AddAndUseOnlyInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddRateLimiter(_ => { });
            }

            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.Run();
            """);

    [Fact]
    public Task AddUnderUnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (Deployment.IsPublic(builder.Environment))
            {
                builder.Services.AddRateLimiter(_ => { });
            }

            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();

            static class Deployment
            {
                public static bool IsPublic(IHostEnvironment env) => env.EnvironmentName != "Local";
            }
            """);

    [Fact]
    public Task UseUnderUnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            if (Deployment.IsPublic(app.Environment))
            {
                app.UseRateLimiter();
            }

            app.Run();

            static class Deployment
            {
                public static bool IsPublic(IHostEnvironment env) => env.EnvironmentName != "Local";
            }
            """);

    [Fact]
    public Task DisableRateLimitingAttribute_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapControllers().RequireRateLimiting("api");
            app.Run();

            [ApiController, Route("health"), DisableRateLimiting]
            public sealed class HealthController : ControllerBase
            {
                [HttpGet]
                public string Get() => "ok";
            }
            """);

    [Fact]
    public Task StartupWithoutConfigureServices_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            // Services may be registered by the host (Program.cs), which the model does not read for a Startup class.
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task OpaqueHelper_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Action<WebApplication> configure = a => { };
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ => { });
            var app = builder.Build();
            configure(app);
            app.Run();
            """);

    [Fact]
    public Task StartupDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class StartupDevelopment
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRouting();

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseRateLimiter();
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
