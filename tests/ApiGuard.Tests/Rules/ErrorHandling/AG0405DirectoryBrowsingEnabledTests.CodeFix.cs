using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DirectoryBrowsingEnabledAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DirectoryBrowsingEnabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0405DirectoryBrowsingEnabledTests
{
    [Fact]
    public Task Fix_TopLevel_RemovesCallsAndTurnsOffOptions()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0405:AddDirectoryBrowser()|};
            var app = builder.Build();
            app.{|AG0405:UseDirectoryBrowser()|};
            app.{|AG0405:UseFileServer(enableDirectoryBrowsing: true)|};
            app.UseStaticFiles(new StaticFileOptions { {|AG0405:ServeUnknownFileTypes = true|}, DefaultContentType = "text/plain" });
            var files = new FileServerOptions();
            {|AG0405:files.EnableDirectoryBrowsing = true|};
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseFileServer(enableDirectoryBrowsing: false);
            app.UseStaticFiles(new StaticFileOptions { DefaultContentType = "text/plain" });
            var files = new FileServerOptions();
            app.Run();
            """);

    [Fact]
    public Task Fix_Startup_RemovesCallsInChainsAndLambdas()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.{|AG0405:AddDirectoryBrowser()|}.AddRouting();

                public void Configure(IApplicationBuilder app)
                {
                    app.{|AG0405:UseDirectoryBrowser()|}.UseRouting();
                    app.Map("/files", files => files.{|AG0405:UseDirectoryBrowser()|});
                    app.UseStaticFiles(new StaticFileOptions { {|AG0405:ServeUnknownFileTypes = true|} });
                }
            }
            """, """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRouting();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.Map("/files", files => { });
                    app.UseStaticFiles(new StaticFileOptions { });
                }
            }
            """);

    [Fact]
    public Task Fix_ExpressionLambdaAssignment_EmptiesBody()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StaticFileOptions>(options => {|AG0405:options.ServeUnknownFileTypes = true|});
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<StaticFileOptions>(options => { });
            var app = builder.Build();
            app.Run();
            """);
}
