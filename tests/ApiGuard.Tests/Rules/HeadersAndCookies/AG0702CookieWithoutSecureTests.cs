using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.CookieWithoutSecureAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.CookieWithoutSecureCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0702CookieWithoutSecureTests
{
    [Fact]
    public Task CookieOptionsSecureFalse_InAppend_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                context.Response.Cookies.Append("prefs", "dark", new CookieOptions { {|#0:Secure = false|} });
            });
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0702").WithLocation(0).WithArguments("Secure = false"));

    [Fact]
    public Task CookieOptionsSecureFalse_AssignmentOnLocal_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) =>
            {
                var options = new CookieOptions();
                {|AG0702:options.Secure = false|};
                context.Response.Cookies.Append("prefs", "dark", options);
            });
            app.Run();
            """);

    [Fact]
    public Task ConstBoolFalse_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { {|AG0702:Secure = Settings.UseTls|} }));
            app.Run();

            static class Settings
            {
                public const bool UseTls = false;
            }
            """);

    [Theory]
    [InlineData("None")]
    [InlineData("SameAsRequest")]
    public Task AuthenticationCookie_InsecurePolicy_Reports(string policy)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o => {|#0:o.Cookie.SecurePolicy = CookieSecurePolicy.{{policy}}|});
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0702").WithLocation(0).WithArguments("o.Cookie.SecurePolicy = CookieSecurePolicy." + policy));

    [Fact]
    public Task SessionAndAntiforgeryCookies_SameAsRequest_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0702:o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|});
            builder.Services.AddAntiforgery(o =>
            {
                {|AG0702:o.Cookie.SecurePolicy = CookieSecurePolicy.None|};
            });
            builder.Services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => {|AG0702:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task CookiePolicyOptions_SecureSameAsRequest_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o => {|AG0702:o.Secure = CookieSecurePolicy.SameAsRequest|});
            var app = builder.Build();
            app.UseCookiePolicy();
            app.Run();
            """);

    [Fact]
    public Task CookieBuilderInitializer_PolicyNone_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie(o => o.Cookie = new CookieBuilder { Name = "auth", {|AG0702:SecurePolicy = CookieSecurePolicy.None|} });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Startup_SessionCookie_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddSession(options => {|AG0702:options.Cookie.SecurePolicy = CookieSecurePolicy.None|});

                public void Configure(IApplicationBuilder app) => app.UseSession();
            }
            """);

    [Fact]
    public Task SecureFalse_OutsideDevelopmentOnly_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { {|AG0702:Secure = false|} }));
            }

            app.Run();
            """);

    [Fact]
    public Task SecurePolicy_TernaryInsecureOutsideDevelopment_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0702:o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.Always : CookieSecurePolicy.None|});
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SecureFalse_Net10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { {|AG0702:Secure = false|} }));
            app.Run();
            """,
            AspNetCoreVersion.Net100);
}
