using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.SignInNotRateLimitedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.SignInNotRateLimitedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0604SignInNotRateLimitedTests
{
    [Fact]
    public Task FixAll_MappingsGetPreferredPolicy()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o =>
            {
                o.AddFixedWindowLimiter("api", {{FixedWindow}});
                o.AddFixedWindowLimiter("strict-auth", {{FixedWindow}});
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.{|AG0604:MapPost|}("/login", () => Results.Ok()).AllowAnonymous();
            app.{|AG0604:MapPost|}("/token", () => Results.Ok()).DisableRateLimiting();
            app.Run();
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o =>
            {
                o.AddFixedWindowLimiter("api", {{FixedWindow}});
                o.AddFixedWindowLimiter("strict-auth", {{FixedWindow}});
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok()).RequireRateLimiting("strict-auth").AllowAnonymous();
            app.MapPost("/token", () => Results.Ok()).RequireRateLimiting("strict-auth");
            app.Run();
            """);

    [Fact]
    public Task Fix_ControllerAction_AddsAttributeAndUsing()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(o => Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions.AddFixedWindowLimiter(o, "api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();

            [ApiController, Route("account")]
            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult {|AG0604:Login|}() => Ok();
            }
            """, $$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(o => Microsoft.AspNetCore.RateLimiting.RateLimiterOptionsExtensions.AddFixedWindowLimiter(o, "api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();

            [ApiController, Route("account")]
            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                [EnableRateLimiting("api")]
                public IActionResult Login() => Ok();
            }
            """);
}
