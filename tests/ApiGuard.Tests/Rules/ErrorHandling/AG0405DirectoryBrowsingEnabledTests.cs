using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DirectoryBrowsingEnabledAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DirectoryBrowsingEnabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0405DirectoryBrowsingEnabledTests
{
    [Fact]
    public Task DirectoryBrowser_TopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddDirectoryBrowser()|};
            var app = builder.Build();
            app.{|#1:UseDirectoryBrowser()|};
            app.{|#2:UseFileServer(enableDirectoryBrowsing: true)|};
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0405").WithLocation(0).WithArguments("AddDirectoryBrowser()"),
            VerifyCS.Diagnostic("AG0405").WithLocation(1).WithArguments("UseDirectoryBrowser()"),
            VerifyCS.Diagnostic("AG0405").WithLocation(2).WithArguments("UseFileServer(enableDirectoryBrowsing: true)"));

    [Fact]
    public Task Options_TopLevel_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseStaticFiles(new StaticFileOptions { {|#0:ServeUnknownFileTypes = true|} });
            var files = new FileServerOptions();
            {|#1:files.EnableDirectoryBrowsing = true|};
            {|#2:files.StaticFileOptions.ServeUnknownFileTypes = true|};
            app.UseFileServer(files);
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0405").WithLocation(0).WithArguments("StaticFileOptions.ServeUnknownFileTypes = true"),
            VerifyCS.Diagnostic("AG0405").WithLocation(1).WithArguments("FileServerOptions.EnableDirectoryBrowsing = true"),
            VerifyCS.Diagnostic("AG0405").WithLocation(2).WithArguments("StaticFileOptions.ServeUnknownFileTypes = true"));

    [Fact]
    public Task Startup_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.{|AG0405:AddDirectoryBrowser()|};

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.{|AG0405:UseDirectoryBrowser("/logs")|};
                    }

                    app.UseStaticFiles(new StaticFileOptions { {|AG0405:ServeUnknownFileTypes = Flags.ServeAll|} });
                }
            }

            static class Flags
            {
                public const bool ServeAll = true;
            }
            """);

    [Fact]
    public Task InvertedEnvironmentValue_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0405:UseFileServer(enableDirectoryBrowsing: !app.Environment.IsDevelopment())|};
            app.Run();
            """);

    [Fact]
    public Task DirectoryBrowser_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0405:UseDirectoryBrowser()|};
            app.Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task DirectoryBrowser_TestProjectWithOption_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0405:UseDirectoryBrowser()|};
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }
}
