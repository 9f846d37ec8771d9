using ApiGuard.Analyzers.Options;
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
    public Task XsrfTokenCookie_ReadByScripts_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
                context.Response.Cookies.Append("XSRF-TOKEN", "abc", new CookieOptions { HttpOnly = false, Secure = true }));
            app.Run();
            """);

    [Fact]
    public Task NonSensitiveCookieName_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                context.Response.Cookies.Append("theme", "dark", new CookieOptions { HttpOnly = false });
                context.Response.Cookies.Append("sidebar", "collapsed");
            });
            app.Run();
            """);

    [Fact]
    public Task SensitiveCookie_HttpOnlyTrueOrNotDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
            {
                context.Response.Cookies.Append("session", "abc", new CookieOptions { HttpOnly = true, Secure = true });
                context.Response.Cookies.Append("auth", "abc", new CookieOptions { HttpOnly = !app.Environment.IsDevelopment() });
                var options = new CookieOptions();
                options.HttpOnly = true;
                context.Response.Cookies.Append("jwt", "abc", options);
            });
            app.Run();
            """);

    [Fact]
    public Task HttpOnlyFalse_InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddSession(o => o.Cookie.HttpOnly = false);
            }

            builder.Services.AddAntiforgery(o => o.Cookie.HttpOnly = builder.Environment.IsDevelopment() ? false : true);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task NonConstantName_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context, string prefix) =>
                context.Response.Cookies.Append(prefix + "session", "abc", new CookieOptions { Secure = true }));
            app.Run();
            """);

    [Fact]
    public Task OptionsFromHelper_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
                context.Response.Cookies.Append("session", "abc", Cookies.Options()));
            app.Run();

            static class Cookies
            {
                public static CookieOptions Options() => new() { Secure = true };
            }
            """);

    [Fact]
    public Task AppendOnUserType_SameName_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            new MyCookies().Append("session", "abc");
            app.Run();

            class MyCookies
            {
                public void Append(string key, string value)
                {
                }
            }
            """);

    [Fact]
    public Task SensitiveNamesOption_ReplacesTheWords()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
            {
                context.Response.Cookies.Append("session", "abc", new CookieOptions { Secure = true });
                context.Response.Cookies.{|AG0703:Append("acme_ident", "abc")|};
            });
            app.Run();
            """,
            "apiguard.cookies.sensitive_cookie_names = ident");

    [Fact]
    public Task ScriptReadableOption_AddsException()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) => context.Response.Cookies.Append("ui-token", "abc"));
            app.Run();
            """,
            "apiguard.cookies.script_readable_cookie_names = ui-token");

    [Theory]
    [InlineData("session", true)]
    [InlineData(".AspNetCore.Session", true)]
    [InlineData("access_token", true)]
    [InlineData("RefreshToken", true)]
    [InlineData("sid", true)]
    [InlineData("app.sid", true)]
    [InlineData("JWT", true)]
    [InlineData("sidebar", false)]
    [InlineData("jwtish", false)]
    [InlineData("theme", false)]
    [InlineData("xsrf-token", false)]
    public void IsSensitive_DefaultWords(string name, bool expected)
        => Assert.Equal(
            expected,
            CookieWithoutHttpOnlyAnalyzer.IsSensitive(name, ApiGuardOptions.CookiesSensitiveCookieNames.DefaultValue, ApiGuardOptions.CookiesScriptReadableCookieNames.DefaultValue));
}
