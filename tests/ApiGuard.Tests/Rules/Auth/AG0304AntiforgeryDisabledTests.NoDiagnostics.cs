using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AntiforgeryDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AntiforgeryDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0304AntiforgeryDisabledTests
{
    [Fact]
    public Task IgnoreAntiforgeryToken_BearerOnlyApi_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(BearerApp + """
            [Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
            public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                [Microsoft.AspNetCore.Mvc.HttpPost]
                public Microsoft.AspNetCore.Mvc.IActionResult Create(string item) => Ok();
            }
            """);

    [Fact]
    public Task DisableAntiforgery_BearerOnlyApi_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Bearer");
            var app = builder.Build();
            app.MapPost("/upload", (IFormFile file) => Results.Ok()).DisableAntiforgery();
            app.Run();
            """);

    [Fact]
    public Task DisableAntiforgery_JsonEndpoint_CookieApp_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            app.MapPost("/orders", (Order order) => Results.Ok()).DisableAntiforgery();
            app.Run();

            record Order(int Id);
            """);

    [Fact]
    public Task CookieOnlyInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddAuthentication("Cookies").AddCookie();
            }
            else
            {
                builder.Services.AddAuthentication("Bearer");
            }

            var app = builder.Build();
            app.MapPost("/upload", (IFormFile file) => Results.Ok()).DisableAntiforgery();
            app.Run();

            [Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
            public class UploadController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
            }
            """);

    [Fact]
    public Task DisableAntiforgeryInsideIsDevelopment_CookieApp_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.MapPost("/debug/upload", (IFormFile file) => Results.Ok()).DisableAntiforgery();
            }

            app.Run();
            """);

    [Fact]
    public Task LookAlikes_CookieApp_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(CookieApp + """
            [IgnoreAntiforgeryToken]
            public class ReportsController : Microsoft.AspNetCore.Mvc.Controller
            {
                public void Run() => new Tools().DisableAntiforgery();
            }

            public sealed class IgnoreAntiforgeryTokenAttribute : Attribute
            {
            }

            public class Tools
            {
                public void DisableAntiforgery() { }
            }
            """);

    [Fact]
    public Task NoAuthentication_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapPost("/contact", (IFormCollection form) => Results.Ok()).DisableAntiforgery();
            app.Run();
            """);

    [Fact]
    public Task DisableAntiforgeryOnGroup_CookieApp_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            var app = builder.Build();
            var forms = app.MapGroup("/forms").DisableAntiforgery();
            forms.MapPost("/upload", (IFormFile file) => Results.Ok());
            app.Run();
            """);
}
