using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.SignInNotRateLimitedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.SignInNotRateLimitedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0604SignInNotRateLimitedTests
{
    private const string FixedWindow = """w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); }""";

    [Fact]
    public Task LoginRoute_TopLevelWithoutPolicy_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/orders", () => "orders").RequireRateLimiting("api");
            app.{|#0:MapPost|}("/account/login/{returnUrl?}", (string? returnUrl) => Results.Ok());
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0604").WithLocation(0).WithArguments("MapPost /account/login/{returnUrl?}"));

    [Fact]
    public Task PasswordSignInAsyncInHandler_AnyRoute_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            var session = app.MapGroup("/session");
            session.{|AG0604:MapPost|}("/", async (SignInManager<IdentityUser> signIn, string user, string password) =>
                await signIn.PasswordSignInAsync(user, password, false, lockoutOnFailure: true));
            app.Run();
            """);

    [Fact]
    public Task MapIdentityApiAndDisableRateLimiting_Report()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.{|AG0604:MapIdentityApi<IdentityUser>|}();
            app.{|AG0604:MapPost|}("/connect/token", () => Results.Ok()).DisableRateLimiting();
            app.{|AG0604:MapPost|}("/auth/sign-in", [DisableRateLimiting] () => Results.Ok());
            app.Run();
            """);

    [Fact]
    public Task ControllerActions_Startup_Report()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Identity;
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
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            [ApiController]
            [Route("[controller]")]
            public class AccountController : ControllerBase
            {
                private readonly UserManager<IdentityUser> _users;

                public AccountController(UserManager<IdentityUser> users) => _users = users;

                [HttpPost("[action]")]
                public IActionResult {|AG0604:Login|}() => Ok();

                [HttpPost("verify")]
                public async Task<IActionResult> {|AG0604:Verify|}(string name, string password)
                    => await _users.CheckPasswordAsync((await _users.FindByNameAsync(name))!, password) ? Ok() : Unauthorized();

                [HttpPost("reset-password"), DisableRateLimiting]
                public IActionResult {|AG0604:Reset|}() => Ok();

                [HttpGet("profile")]
                public IActionResult Profile() => Ok();
            }
            """);

    [Fact]
    public Task LoginRoute_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.{|AG0604:MapPost|}("/login", () => Results.Ok());
            app.Run();
            """, AspNetCoreVersion.Net100);

    [Fact]
    public Task SignInRoutesOption_ReplacesList()
    {
        var test = VerifyCS.Create($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapPost("/login", () => Results.Ok());
            app.{|AG0604:MapPost|}("/api/authenticate", () => Results.Ok());
            app.Run();
            """);
        test.EditorConfig = "apiguard.rate_limiting.sign_in_routes = authenticate";
        return test.RunAsync();
    }
}
