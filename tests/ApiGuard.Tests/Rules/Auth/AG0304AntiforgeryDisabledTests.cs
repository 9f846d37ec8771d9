using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AntiforgeryDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AntiforgeryDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0304AntiforgeryDisabledTests
{
    private const string CookieApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("Cookies").AddCookie();
        builder.Services.AddControllersWithViews();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        """;

    private const string BearerApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddAuthentication("Bearer");
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        """;

    [Fact]
    public Task IgnoreAntiforgeryTokenOnAction_CookieApp_ReportsOnAttribute()
        => VerifyCS.VerifyAnalyzerAsync(CookieApp + """
            public class AccountController : Microsoft.AspNetCore.Mvc.Controller
            {
                [Microsoft.AspNetCore.Mvc.HttpPost]
                [{|#0:Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken|}]
                public Microsoft.AspNetCore.Mvc.IActionResult ChangeEmail(string email) => Ok();
            }
            """,
            VerifyCS.Diagnostic("AG0304").WithLocation(0).WithArguments("[IgnoreAntiforgeryToken]"));

    [Fact]
    public Task IgnoreAntiforgeryTokenOnController_IdentityApp_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>();
            builder.Services.AddControllersWithViews();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [{|AG0304:IgnoreAntiforgeryToken|}]
            public class ProfileController : Controller
            {
                [HttpPost]
                public IActionResult Save(string name) => Ok();
            }
            """);

    [Fact]
    public Task IgnoreAntiforgeryTokenOnPage_StartupCookieApp_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddCookie();
                    services.AddRazorPages();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapRazorPages());
                }
            }

            [{|AG0304:IgnoreAntiforgeryToken(Order = 1001)|}]
            public class TransferModel : PageModel
            {
                public void OnPost()
                {
                }
            }
            """);

    [Fact]
    public Task DisableAntiforgeryOnFormEndpoint_CookieApp_ReportsOnCall()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            builder.Services.AddAntiforgery();
            var app = builder.Build();
            app.UseAntiforgery();
            app.MapPost("/profile", ([FromForm] string name) => Results.Ok()).{|#0:DisableAntiforgery|}();
            app.MapPost("/avatar", (IFormFile file) => Results.Ok()).RequireAuthorization().{|AG0304:DisableAntiforgery|}();
            app.MapPost("/bulk", (IFormFileCollection files) => Results.Ok()).{|AG0304:DisableAntiforgery|}();
            app.MapPost("/raw", Handlers.Raw).{|AG0304:DisableAntiforgery|}();
            app.Run();

            static class Handlers
            {
                public static IResult Raw(IFormCollection form) => Results.Ok();
            }
            """,
            VerifyCS.Diagnostic("AG0304").WithLocation(0).WithArguments("DisableAntiforgery()"));
}
