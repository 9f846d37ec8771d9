using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimitPolicyUndefinedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimitPolicyUndefinedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0603RateLimitPolicyUndefinedTests
{
    [Fact]
    public Task Fix_BlockLambda_AddsPolicySkeleton()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.AddFixedWindowLimiter("orders", {{FixedWindow}});
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting({|AG0603:"reports"|});
            app.Run();
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.AddFixedWindowLimiter("orders", {{FixedWindow}});
                options.AddFixedWindowLimiter("reports", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromSeconds(60);
                });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting("reports");
            app.Run();
            """);

    [Fact]
    public Task Fix_ExpressionLambda_BecomesBlock()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ => _.AddFixedWindowLimiter("orders", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting({|AG0603:"reports"|});
            app.Run();
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ =>
            {
                _.AddFixedWindowLimiter("orders", {{FixedWindow}});
                _.AddFixedWindowLimiter("reports", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromSeconds(60);
                });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting("reports");
            app.Run();
            """);

    [Fact]
    public Task Fix_NamespaceMissing_AddsUsingAndWritesConstValue()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all"));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting({|AG0603:Policies.Reports|});
            app.Run();

            static class Policies
            {
                public const string Reports = "reports";
            }
            """, """
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all"));
                options.AddFixedWindowLimiter("reports", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromSeconds(60);
                });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/reports", () => "reports").RequireRateLimiting(Policies.Reports);
            app.Run();

            static class Policies
            {
                public const string Reports = "reports";
            }
            """);

    [Fact]
    public Task Fix_Options_UseConfiguredLimits()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting({|AG0603:"api"|});
            app.Run();
            """, """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
                options.AddFixedWindowLimiter("api", limiter =>
                {
                    limiter.PermitLimit = 5;
                    limiter.Window = TimeSpan.FromSeconds(1);
                });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """,
            editorConfig: "apiguard.rate_limiting.permit_limit = 5\napiguard.rate_limiting.window_seconds = 1");

    [Fact]
    public Task Fix_StartupWithControllerInSameFile()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options =>
                    {
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            [ApiController, Route("orders"), EnableRateLimiting({|AG0603:"orders"|})]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";
            }
            """, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options =>
                    {
                        options.AddFixedWindowLimiter("orders", limiter =>
                        {
                            limiter.PermitLimit = 100;
                            limiter.Window = TimeSpan.FromSeconds(60);
                        });
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            [ApiController, Route("orders"), EnableRateLimiting("orders")]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";
            }
            """);

    [Fact]
    public Task FixAll_SeveralNames_EachRegisteredOnce()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting({|AG0603:"orders"|});
            app.MapPost("/orders", () => "created").RequireRateLimiting({|AG0603:"orders"|});
            app.MapGet("/reports", () => "reports").RequireRateLimiting({|AG0603:"reports"|});
            app.Run();
            """, """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
                options.AddFixedWindowLimiter("orders", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromSeconds(60);
                });
                options.AddFixedWindowLimiter("reports", limiter =>
                {
                    limiter.PermitLimit = 100;
                    limiter.Window = TimeSpan.FromSeconds(60);
                });
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("orders");
            app.MapPost("/orders", () => "created").RequireRateLimiting("orders");
            app.MapGet("/reports", () => "reports").RequireRateLimiting("reports");
            app.Run();
            """);

    [Fact]
    public Task NoFix_TwoAddRateLimiterLambdas()
    {
        const string source = """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.RejectionStatusCode = 429);
            builder.Services.AddRateLimiter(o => o.AddConcurrencyLimiter("uploads", c => c.PermitLimit = 2));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting({|AG0603:"api"|});
            app.Run();
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task NoFix_LambdaInAnotherDocument()
    {
        var test = VerifyCS.Create("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(o => o.RejectionStatusCode = 429);
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """);
        const string controller = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            [ApiController, Route("orders"), EnableRateLimiting({|AG0603:"orders"|})]
            public sealed class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";
            }
            """;
        test.TestState.Sources.Add(("/0/OrdersController.cs", controller));
        test.FixedState.Sources.Add(test.TestState.Sources[0]);
        test.FixedState.Sources.Add(("/0/OrdersController.cs", controller));
        return test.RunAsync();
    }

    [Fact]
    public Task NoFix_OnlyLambdaRunsOnlyInDevelopment()
    {
        const string source = """
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddRateLimiter(o => o.RejectionStatusCode = 429);
            }

            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireRateLimiting({|AG0603:"api"|});
            app.Run();
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }
}
