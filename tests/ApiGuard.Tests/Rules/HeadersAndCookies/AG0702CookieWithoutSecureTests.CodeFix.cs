using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.CookieWithoutSecureAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.CookieWithoutSecureCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0702CookieWithoutSecureTests
{
    [Fact]
    public Task Fix_SecureFalse_BecomesTrue()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { {|AG0702:Secure = false|}, HttpOnly = true }));
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { Secure = true, HttpOnly = true }));
            app.Run();
            """);

    [Fact]
    public Task Fix_SecurePolicyNone_BecomesAlways()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0702:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_CookiePolicyTernary_BecomesAlways()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o => {|AG0702:o.Secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.Always : CookieSecurePolicy.None|});
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_PolicyWithoutUsing_WritesQualifiedName()
    {
        var test = VerifyCS.Create("""
            public class Startup
            {
                public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                    => Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions.AddSession(services, o => {|AG0702:o.Cookie.SecurePolicy = 0|});

                public void Configure(Microsoft.AspNetCore.Builder.IApplicationBuilder app)
                {
                }
            }
            """, """
            public class Startup
            {
                public void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                    => Microsoft.Extensions.DependencyInjection.SessionServiceCollectionExtensions.AddSession(services, o => o.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);

                public void Configure(Microsoft.AspNetCore.Builder.IApplicationBuilder app)
                {
                }
            }
            """);
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_SeveralCookies_AllSecure()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0702:o.Cookie.SecurePolicy = CookieSecurePolicy.None|});
            builder.Services.AddAntiforgery(o => {|AG0702:o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest|});
            var app = builder.Build();
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { {|AG0702:Secure = false|} }));
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            var app = builder.Build();
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { Secure = true }));
            app.Run();
            """);
}
