using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AntiforgeryDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AntiforgeryDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0304AntiforgeryDisabledTests
{
    [Fact]
    public Task Fix_Attribute_RemovesIt()
        => VerifyCS.VerifyCodeFixAsync(CookieApp + """
            public class AccountController : Microsoft.AspNetCore.Mvc.Controller
            {
                [Microsoft.AspNetCore.Mvc.HttpPost]
                [{|AG0304:Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken|}]
                public Microsoft.AspNetCore.Mvc.IActionResult ChangeEmail(string email) => Ok();
            }
            """, CookieApp + """
            public class AccountController : Microsoft.AspNetCore.Mvc.Controller
            {
                [Microsoft.AspNetCore.Mvc.HttpPost]
                public Microsoft.AspNetCore.Mvc.IActionResult ChangeEmail(string email) => Ok();
            }
            """);

    [Fact]
    public Task Fix_AttributeSharingBrackets_RemovesOnlyIt()
        => VerifyCS.VerifyCodeFixAsync(CookieApp + """
            public class AccountController : Microsoft.AspNetCore.Mvc.Controller
            {
                [Microsoft.AspNetCore.Mvc.HttpPost, {|AG0304:Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken|}]
                public Microsoft.AspNetCore.Mvc.IActionResult ChangeEmail(string email) => Ok();
            }
            """, CookieApp + """
            public class AccountController : Microsoft.AspNetCore.Mvc.Controller
            {
                [Microsoft.AspNetCore.Mvc.HttpPost]
                public Microsoft.AspNetCore.Mvc.IActionResult ChangeEmail(string email) => Ok();
            }
            """);

    [Fact]
    public Task FixAll_DisableAntiforgery_RemovesTheCalls()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            app.MapPost("/avatar", (IFormFile file) => Results.Ok()).{|AG0304:DisableAntiforgery|}().RequireAuthorization();
            app.MapPost("/bulk", (IFormFileCollection files) => Results.Ok())
                .{|AG0304:DisableAntiforgery|}();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            app.MapPost("/avatar", (IFormFile file) => Results.Ok()).RequireAuthorization();
            app.MapPost("/bulk", (IFormFileCollection files) => Results.Ok());
            app.Run();
            """);
}
