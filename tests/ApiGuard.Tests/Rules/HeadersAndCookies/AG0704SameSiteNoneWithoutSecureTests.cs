using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.SameSiteNoneWithoutSecureAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.SameSiteNoneWithoutSecureCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public class AG0704SameSiteNoneWithoutSecureTests
{
    [Fact]
    public Task CookieOptionsInitializer_NoSecure_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("widget", "1", new CookieOptions { {|#0:SameSite = SameSiteMode.None|} }));
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0704").WithLocation(0).WithArguments("SameSite = SameSiteMode.None"));

    [Fact]
    public Task CookieOptionsLocal_AssignmentsWithoutSecure_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions { HttpOnly = true };
                {|AG0704:options.SameSite = SameSiteMode.None|};
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """);

    [Fact]
    public Task CookieBuilder_SameSiteNoneWithoutPolicy_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o =>
            {
                o.Cookie.HttpOnly = true;
                {|AG0704:o.Cookie.SameSite = SameSiteMode.None|};
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Startup_SessionCookie_SameSiteNone_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddSession(o => {|AG0704:o.Cookie.SameSite = SameSiteMode.None|});

                public void Configure(IApplicationBuilder app) => app.UseSession();
            }
            """);

    [Fact]
    public Task SecureTrue_InInitializer_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("widget", "1", new CookieOptions { SameSite = SameSiteMode.None, Secure = true }));
            app.Run();
            """);

    [Fact]
    public Task SecureTrue_AssignedAfterDeclaration_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions { SameSite = SameSiteMode.None };
                options.Secure = true;
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """);

    [Fact]
    public Task SecurePolicyAlways_SameLambda_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o =>
            {
                o.Cookie.SameSite = SameSiteMode.None;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SecureNotDevelopment_Value_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("widget", "1", new CookieOptions { SameSite = SameSiteMode.None, Secure = !app.Environment.IsDevelopment() }));
            app.Run();
            """);

    [Fact]
    public Task SecureFalseExplicit_LeftToAG0702_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("widget", "1", new CookieOptions { SameSite = SameSiteMode.None, Secure = false }));
            app.Run();
            """);

    [Fact]
    public Task SameSiteLaxOrDevelopmentOnlyNone_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.SameSite = SameSiteMode.Lax);
            builder.Services.AddAntiforgery(o => o.Cookie.SameSite = builder.Environment.IsDevelopment() ? SameSiteMode.None : SameSiteMode.Strict);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddAuthentication().AddCookie(o => o.Cookie.SameSite = SameSiteMode.None);
            }

            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task CookieCopiedFromElsewhere_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o =>
            {
                // The cookie builder is reached through a local copy: its other settings may be made anywhere, so the rule stays silent.
                var cookie = o.Cookie;
                cookie.SameSite = SameSiteMode.None;
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SameSiteOnUserType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var settings = new MyCookie { SameSite = SameSiteMode.None };
            app.Run();

            class MyCookie
            {
                public SameSiteMode SameSite { get; set; }
            }
            """);

    [Fact]
    public Task Fix_Initializer_AddsSecureMember()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("widget", "1", new CookieOptions { {|AG0704:SameSite = SameSiteMode.None|} }));
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("widget", "1", new CookieOptions { SameSite = SameSiteMode.None, Secure = true }));
            app.Run();
            """);

    [Fact]
    public Task Fix_MultiLineInitializer_AddsSecureOnItsOwnLine()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions
                {
                    {|AG0704:SameSite = SameSiteMode.None|},
                    HttpOnly = true
                };
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions
                {
                    SameSite = SameSiteMode.None,
                    Secure = true,
                    HttpOnly = true
                };
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """);

    [Fact]
    public Task Fix_LastMemberWithoutComma_AddsSecureAfterIt()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions
                {
                    HttpOnly = true,
                    {|AG0704:SameSite = SameSiteMode.None|}
                };
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.None,
                    Secure = true
                };
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """);

    [Fact]
    public Task Fix_CookieBuilderStatement_AddsSecurePolicyStatement()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o =>
            {
                {|AG0704:o.Cookie.SameSite = SameSiteMode.None|};
                o.Cookie.HttpOnly = true;
            });
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o =>
            {
                o.Cookie.SameSite = SameSiteMode.None;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.HttpOnly = true;
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_LocalAssignment_AddsSecureStatement()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions();
                {|AG0704:options.SameSite = SameSiteMode.None|};
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions();
                options.SameSite = SameSiteMode.None;
                options.Secure = true;
                context.Response.Cookies.Append("widget", "1", options);
            });
            app.Run();
            """);

    [Fact]
    public Task FixAll_SeveralCookies_AllSecure()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/a", (HttpContext context) => context.Response.Cookies.Append("a", "1", new CookieOptions { {|AG0704:SameSite = SameSiteMode.None|} }));
            app.MapGet("/b", (HttpContext context) => context.Response.Cookies.Append("b", "1", new CookieOptions { HttpOnly = true, {|AG0704:SameSite = SameSiteMode.None|} }));
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/a", (HttpContext context) => context.Response.Cookies.Append("a", "1", new CookieOptions { SameSite = SameSiteMode.None, Secure = true }));
            app.MapGet("/b", (HttpContext context) => context.Response.Cookies.Append("b", "1", new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.None, Secure = true }));
            app.Run();
            """);
}
