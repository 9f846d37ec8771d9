using ApiGuard.Analyzers.Rules.Transport;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HttpsRedirectionMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HttpsRedirectionMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0102HttpsRedirectionMissingTests
{
    [Fact]
    public Task TopLevel_NoUseHttpsRedirection_ReportsOnBuild()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.UseHsts();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0102").WithLocation(0).WithArguments(HttpsRedirectionMissingAnalyzer.MissingMessage).WithSeverity(DiagnosticSeverity.Info));

    [Fact]
    public Task TopLevel_WebApplicationCreate_ReportsOnCreate()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0102:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Startup_NoUseHttpsRedirection_ReportsOnConfigure()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void {|AG0102:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task TopLevel_UseHttpsRedirectionOnlyInDevelopment_ReportsOnTheCall()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                {|#0:app.UseHttpsRedirection()|};
            }

            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0102").WithLocation(0).WithArguments(HttpsRedirectionMissingAnalyzer.DevelopmentOnlyMessage).WithSeverity(DiagnosticSeverity.Info));

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0102:builder.Build()|};
            app.MapStaticAssets();
            app.Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task RequireHttpsFilterOnlyInDevelopment_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers(options =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    options.Filters.Add(new Microsoft.AspNetCore.Mvc.RequireHttpsAttribute());
                }
            });
            var app = {|AG0102:builder.Build()|};
            app.MapControllers();
            app.Run();
            """);

    [Fact]
    public Task LookAlikeUseHttpsRedirection_OnUserType_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0102:WebApplication.Create(args)|};
            Redirects.UseHttpsRedirection(app, "/");
            app.Run();

            static class Redirects
            {
                public static void UseHttpsRedirection(object app, string path) { }
            }
            """);

    [Fact]
    public Task TlsTerminatedByProxyFalse_Reports()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = {|AG0102:WebApplication.Create(args)|};
            app.Run();
            """,
            "apiguard.transport.tls_terminated_by_proxy = false");

    [Fact]
    public Task TwoApps_OneWithRedirection_ReportsTheOther()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseHttpsRedirection();
            app.Run();

            public class AdminStartup
            {
                public void {|AG0102:Configure|}(IApplicationBuilder app) => app.UseRouting();
            }
            """);
}
