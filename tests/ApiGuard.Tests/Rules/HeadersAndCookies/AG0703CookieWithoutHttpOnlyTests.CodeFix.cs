using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.CookieWithoutHttpOnlyAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.CookieWithoutHttpOnlyCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0703CookieWithoutHttpOnlyTests
{
    [Fact]
    public Task Fix_CookieBuilderHttpOnlyFalse_BecomesTrue()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0703:o.Cookie.HttpOnly = false|});
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.HttpOnly = true);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_CookiePolicyNone_BecomesAlways()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.CookiePolicy;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o => {|AG0703:o.HttpOnly = HttpOnlyPolicy.None|});
            var app = builder.Build();
            app.Run();
            """, """
            using Microsoft.AspNetCore.CookiePolicy;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<CookiePolicyOptions>(o => o.HttpOnly = HttpOnlyPolicy.Always);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_OptionsWithoutHttpOnly_AddsMember()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
                context.Response.Cookies.Append("refresh_token", "abc", {|AG0703:new CookieOptions { Secure = true }|}));
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
                context.Response.Cookies.Append("refresh_token", "abc", new CookieOptions { Secure = true, HttpOnly = true }));
            app.Run();
            """);

    [Fact]
    public Task Fix_LocalOptionsWithoutInitializer_AddsInitializer()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
            {
                var options = new CookieOptions();
                context.Response.Cookies.Append("jwt", "abc", {|AG0703:options|});
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) =>
            {
                var options = new CookieOptions { HttpOnly = true };
                context.Response.Cookies.Append("jwt", "abc", options);
            });
            app.Run();
            """);

    [Fact]
    public Task Fix_AppendWithoutOptions_AddsOptions()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) => context.Response.Cookies.{|AG0703:Append("session", "abc")|});
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapPost("/login", (HttpContext context) => context.Response.Cookies.Append("session", "abc", new CookieOptions { HttpOnly = true }));
            app.Run();
            """);

    [Fact]
    public Task FixAll_SeveralCookies_AllHttpOnly()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => {|AG0703:o.Cookie.HttpOnly = false|});
            var app = builder.Build();
            app.MapPost("/login", (HttpContext context) =>
            {
                context.Response.Cookies.{|AG0703:Append("session", "abc")|};
                context.Response.Cookies.Append("auth", "abc", new CookieOptions { {|AG0703:HttpOnly = false|} });
            });
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.HttpOnly = true);
            var app = builder.Build();
            app.MapPost("/login", (HttpContext context) =>
            {
                context.Response.Cookies.Append("session", "abc", new CookieOptions { HttpOnly = true });
                context.Response.Cookies.Append("auth", "abc", new CookieOptions { HttpOnly = true });
            });
            app.Run();
            """);
}
