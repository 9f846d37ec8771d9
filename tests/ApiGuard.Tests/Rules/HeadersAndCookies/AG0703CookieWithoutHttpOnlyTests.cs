using ApiGuard.Analyzers.Rules.HeadersAndCookies;
using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.CookieWithoutHttpOnlyAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.CookieWithoutHttpOnlyCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0703CookieWithoutHttpOnlyTests
{
    [Fact]
    public Task AuthenticationCookie_HttpOnlyFalse_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o => {|#0:o.Cookie.HttpOnly = false|});
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0703").WithLocation(0).WithArguments("'o.Cookie.HttpOnly = false'"));

    [Fact]
    public Task SessionAndAntiforgeryCookies_HttpOnlyFalse_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            const bool ScriptsMayRead = true;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0703:o.Cookie.HttpOnly = false|});
            builder.Services.AddAntiforgery(o => {|AG0703:o.Cookie.HttpOnly = !ScriptsMayRead|});
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task CookiePolicy_HttpOnlyNone_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.CookiePolicy;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o => {|AG0703:o.HttpOnly = HttpOnlyPolicy.None|});
            var app = builder.Build();
            app.UseCookiePolicy();
            app.Run();
            """);

    [Fact]
    public Task Startup_SessionCookie_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddSession(options => {|AG0703:options.Cookie.HttpOnly = false|});

                public void Configure(IApplicationBuilder app) => app.UseSession();
            }
            """);

    [Fact]
    public Task AppendSessionCookie_HttpOnlyFalse_ReportsTheSetting()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
                context.Response.Cookies.Append("session-id", "abc", new CookieOptions { Secure = true, {|#0:HttpOnly = false|} }));
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0703").WithLocation(0).WithArguments("Cookie 'session-id'"));

    [Fact]
    public Task AppendTokenCookie_WithoutHttpOnly_ReportsTheOptions()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
                context.Response.Cookies.Append("refresh_token", "abc", {|#0:new CookieOptions { Secure = true }|}));
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0703").WithLocation(0).WithArguments("Cookie 'refresh_token'"));

    [Fact]
    public Task AppendAuthCookie_NoOptions_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class LoginController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                private const string CookieName = "AppAuth";

                public void Login() => Response.Cookies.{|AG0703:Append(CookieName, "abc")|};
            }
            """);

    [Fact]
    public Task AppendJwtCookie_LocalOptionsWithoutHttpOnly_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
            {
                var options = new CookieOptions { Secure = true };
                context.Response.Cookies.Append("jwt", "abc", {|AG0703:options|});
            });
            app.Run();
            """);
}
