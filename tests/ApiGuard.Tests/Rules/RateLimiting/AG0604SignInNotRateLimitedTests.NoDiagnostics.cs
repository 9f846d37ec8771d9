using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.SignInNotRateLimitedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.SignInNotRateLimitedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0604SignInNotRateLimitedTests
{
    [Fact]
    public Task LoginWithPolicyOnEndpointGroupOrHandler_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("login", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok()).RequireRateLimiting("login");
            app.MapPost("/token", [EnableRateLimiting("login")] () => Results.Ok());
            var auth = app.MapGroup("/auth").RequireRateLimiting("login");
            auth.MapPost("/sign-in", () => Results.Ok());
            var account = app.MapGroup("/account");
            account.RequireRateLimiting("login");
            account.MapPost("/forgot-password", () => Results.Ok());
            app.MapPost("/reset-password", () => Results.Ok()).WithMetadata(new EnableRateLimitingAttribute("login"));
            app.Run();
            """);

    [Fact]
    public Task GlobalLimiter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(
                context => RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok());
            app.Run();
            """);

    [Fact]
    public Task NoRateLimiterOrNotUsed_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.MapPost("/login", () => Results.Ok());
            app.Run();
            """);

    [Fact]
    public Task UseRateLimiterOnlyInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.MapPost("/login", () => Results.Ok());
            app.Run();
            """);

    [Fact]
    public Task LookAlikeRoutesAndMethods_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/logins-report", () => Results.Ok());
            app.MapGet("/api/tokens/{id}", (int id) => Results.Ok());
            app.MapPost("/check", (FakeSignIn signIn) => signIn.PasswordSignInAsync("a", "b"));
            app.Run();

            public sealed class FakeSignIn
            {
                public Task<bool> PasswordSignInAsync(string user, string password) => Task.FromResult(false);
            }
            """);

    [Fact]
    public Task LoginInsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            if (app.Environment.IsDevelopment())
            {
                app.MapPost("/dev/login", () => Results.Ok());
            }

            app.Run();
            """);

    [Fact]
    public Task ControllersWithPolicyOnClassOrMapControllers_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();

            [ApiController, Route("account"), EnableRateLimiting("api")]
            public class AccountController : ControllerBase
            {
                [HttpPost("login")]
                public IActionResult Login() => Ok();
            }
            """);

    [Fact]
    public Task MappedThroughUserHelper_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok()).WithStrictLimits();
            var login = app.MapPost("/token", () => Results.Ok());
            app.Run();

            static class Conventions
            {
                public static TBuilder WithStrictLimits<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder;
            }
            """);

    [Fact]
    public Task LoginInGroupFromHelperParameter_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            MapAuth(app.MapGroup("/auth"));
            app.Run();

            static void MapAuth(RouteGroupBuilder group) => group.MapPost("/login", () => Results.Ok());
            """);
}
