using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimitPolicyUndefinedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimitPolicyUndefinedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0603RateLimitPolicyUndefinedTests
{
    private const string FixedWindow = """w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); }""";

    [Fact]
    public Task RequireRateLimiting_UndefinedName_ReportsOnName()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("orders", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting({|#0:"order"|});
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0603").WithLocation(0).WithArguments("order"));

    [Fact]
    public Task RequireRateLimiting_NameDiffersInCase_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("orders", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting({|AG0603:"Orders"|});
            app.Run();
            """);

    [Fact]
    public Task RequireRateLimiting_UndefinedNameThroughConst_ReportsOnConstReference()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter(Policies.Orders, {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting({|#0:Policies.Reports|});
            app.Run();

            static class Policies
            {
                public const string Orders = "orders";
                public const string Reports = "reports";
            }
            """,
            VerifyCS.Diagnostic("AG0603").WithLocation(0).WithArguments("reports"));

    [Fact]
    public Task RequireRateLimiting_OnRouteGroup_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("public", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            var api = app.MapGroup("/api").RequireRateLimiting({|AG0603:"api"|});
            api.MapGet("/orders", () => "orders");
            app.Run();
            """);

    [Fact]
    public Task RequireRateLimiting_NoLimiterAtAll_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => "orders").RequireRateLimiting({|AG0603:"orders"|});
            app.Run();
            """);

    [Fact]
    public Task EnableRateLimiting_OnControllerInStartupApp_ReportsOnArgument()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            [ApiController, Route("orders"), EnableRateLimiting({|#0:"orders"|})]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";

                [HttpPost, EnableRateLimiting({|#1:"writes"|})]
                public string Post() => "created";

                [HttpGet("health"), DisableRateLimiting]
                public string Health() => "ok";
            }
            """,
            VerifyCS.Diagnostic("AG0603").WithLocation(0).WithArguments("orders"),
            VerifyCS.Diagnostic("AG0603").WithLocation(1).WithArguments("writes"));

    [Fact]
    public Task EnableRateLimiting_OnMinimalApiLambdaAndLocalFunction_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", [EnableRateLimiting({|AG0603:"orders"|})] () => "orders");
            app.MapGet("/reports", Reports);
            app.Run();

            [EnableRateLimiting({|AG0603:"reports"|})]
            static string Reports() => "reports";
            """);

    [Fact]
    public Task PolicyInHelperInAnotherFile_OtherName_Reports()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApiRateLimiting();
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting({|AG0603:"admin"|});
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/RateLimiting.cs", $$"""
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api;

            public static class RateLimitingExtensions
            {
                public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
                    => services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi").RequireRateLimiting({|AG0603:"api"|});
            app.Run();
            """,
            AspNetCoreVersion.Net100);
}
