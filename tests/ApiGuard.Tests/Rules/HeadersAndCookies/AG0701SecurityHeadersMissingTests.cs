using ApiGuard.Analyzers.Rules.HeadersAndCookies;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.SecurityHeadersMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.SecurityHeadersMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0701SecurityHeadersMissingTests
{
    [Fact]
    public Task TopLevel_NoHeaders_ReportsOnBuild()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0701").WithLocation(0).WithArguments(SecurityHeadersMissingAnalyzer.MissingHeaders));

    [Fact]
    public Task TopLevel_WebApplicationCreate_ReportsOnCreate()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0701:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Startup_NoHeaders_ReportsOnConfigure()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void {|AG0701:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task HeaderNameOnUserDictionary_StillReports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0701:WebApplication.Create(args)|};
            var headers = new Dictionary<string, string>();
            headers["X-Frame-Options"] = "DENY";
            headers.Add("Content-Security-Policy", "default-src 'none'");
            app.MapGet("/", () => headers.Count);
            app.Run();
            """);

    [Fact]
    public Task RequestHeaderRead_StillReports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0701:WebApplication.Create(args)|};
            app.MapGet("/", (HttpContext context) => context.Request.Headers["X-Frame-Options"].ToString());
            app.Run();
            """);

    [Fact]
    public Task Net10_NoHeaders_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0701:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            AspNetCoreVersion.Net100);
}
