using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimitPolicyUndefinedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimitPolicyUndefinedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0603RateLimitPolicyUndefinedTests
{
    [Fact]
    public Task EveryKindOfRegistration_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o =>
            {
                o.AddFixedWindowLimiter("fixed", {{FixedWindow}});
                o.AddSlidingWindowLimiter("sliding", w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); w.SegmentsPerWindow = 2; });
                o.AddTokenBucketLimiter("bucket", b => { b.TokenLimit = 10; b.TokensPerPeriod = 1; b.ReplenishmentPeriod = TimeSpan.FromSeconds(1); });
                o.AddPolicy("per-user", context => RateLimitPartition.GetNoLimiter(context.User.Identity?.Name ?? ""));
            });
            builder.Services.Configure<RateLimiterOptions>(o => o.AddConcurrencyLimiter("uploads", c => c.PermitLimit = 2));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/a", () => "a").RequireRateLimiting("fixed");
            app.MapGet("/b", () => "b").RequireRateLimiting("sliding");
            app.MapGet("/c", () => "c").RequireRateLimiting("bucket");
            app.MapGet("/d", () => "d").RequireRateLimiting("per-user");
            app.MapPost("/e", () => "e").RequireRateLimiting("uploads");
            app.Run();
            """);

    [Fact]
    public Task RegisteredThroughConst_UsedAsLiteral_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter(Policies.Api, {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGroup("/api").RequireRateLimiting("api").MapGet("/orders", () => "orders");
            app.Run();

            static class Policies
            {
                public const string Api = "api";
            }
            """);

    [Fact]
    public Task RegisteredInHelperInAnotherFile_ControllerInThirdFile_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddApiRateLimiting();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);
        test.TestState.Sources.Add(("/0/RateLimiting.cs", $$"""
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api;

            public static class RateLimitingExtensions
            {
                public const string Api = "api";

                public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
                    => services.AddRateLimiter(o => o.AddFixedWindowLimiter(Api, {{FixedWindow}}));
            }
            """));
        test.TestState.Sources.Add(("/0/OrdersController.cs", """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api;

            [ApiController, Route("orders"), EnableRateLimiting(RateLimitingExtensions.Api)]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task NameNotConstant_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var policy = builder.Configuration["RateLimiting:Policy"] ?? "api";
            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireRateLimiting(policy);
            app.Run();
            """);

    [Fact]
    public Task RegistrationNotConstant_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            foreach (var name in builder.Configuration.GetSection("RateLimiting:Policies").GetChildren().Select(c => c.Key))
            {
                builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter(name, {{FixedWindow}}));
            }

            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """);

    [Fact]
    public Task PoliciesAddedByUserMethodOnOptions_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddApiPolicies());
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();

            static class Policies
            {
                public static void AddApiPolicies(this RateLimiterOptions options) => options.AddConcurrencyLimiter("api", c => c.PermitLimit = 2);
            }
            """);

    [Fact]
    public Task PolicyObjectAndDisableRateLimiting_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.RateLimiting;

            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi").RequireRateLimiting(new PerIpPolicy());
            app.MapGet("/health", [DisableRateLimiting] () => "ok");
            app.MapGet("/ready", () => "ok").DisableRateLimiting();
            app.Run();

            sealed class PerIpPolicy : IRateLimiterPolicy<string>
            {
                public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

                public RateLimitPartition<string> GetPartition(HttpContext httpContext)
                    => RateLimitPartition.GetNoLimiter(httpContext.Connection.RemoteIpAddress?.ToString() ?? "");
            }
            """);

    [Fact]
    public Task UserAttributeNamedEnableRateLimiting_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Contoso.Throttling;

            var app = WebApplication.Create(args);
            app.MapGet("/", [EnableRateLimiting("api")] () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/EnableRateLimitingAttribute.cs", """
            namespace Contoso.Throttling;

            [AttributeUsage(AttributeTargets.All)]
            public sealed class EnableRateLimitingAttribute(string policy) : Attribute
            {
                public string Policy { get; } = policy;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task RequireRateLimitingOnlyInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/debug", () => "debug").RequireRateLimiting("debug");
            }

            app.Run();
            """);

    [Fact]
    public Task ControllerInLibraryWithoutApp_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api.Controllers;

            [ApiController, Route("orders"), EnableRateLimiting("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";
            }
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary;
        return test.RunAsync();
    }

    [Fact]
    public Task IncompleteApp_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Action<WebApplication> configure = a => { };
            var app = WebApplication.Create(args);
            configure(app);
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """);

    [Fact]
    public Task PolicyRegisteredOnlyInDevelopment_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            // In production "api" is not registered, but registrations count whatever their guard.
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    o.AddFixedWindowLimiter("api", {{FixedWindow}});
                }
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
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
