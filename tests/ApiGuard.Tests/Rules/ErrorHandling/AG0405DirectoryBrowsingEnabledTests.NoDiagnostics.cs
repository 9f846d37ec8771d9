using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DirectoryBrowsingEnabledAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DirectoryBrowsingEnabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0405DirectoryBrowsingEnabledTests
{
    [Theory]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseDirectoryBrowser(); }")]
    [InlineData("if (!app.Environment.IsDevelopment()) { app.UseHsts(); } else { app.UseDirectoryBrowser(); }")]
    [InlineData("app.UseFileServer(enableDirectoryBrowsing: app.Environment.IsDevelopment());")]
    [InlineData("app.UseFileServer(enableDirectoryBrowsing: false);")]
    [InlineData("app.UseFileServer(enableDirectoryBrowsing: app.Configuration.GetValue<bool>(\"Browse\"));")]
    [InlineData("app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = false });")]
    [InlineData("app.UseStaticFiles(new StaticFileOptions { ServeUnknownFileTypes = app.Environment.IsDevelopment() });")]
    [InlineData("app.UseFileServer(new FileServerOptions { EnableDirectoryBrowsing = isDevelopment });")]
    [InlineData("app.UseFileServer(); app.UseStaticFiles();")]
    public Task DevelopmentOnlyOrOff_NoDiagnostic(string pipeline)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            var app = WebApplication.Create(args);
            var isDevelopment = app.Environment.IsDevelopment();
            {{pipeline}}
            app.Run();
            """);

    [Fact]
    public Task Startup_DevelopmentGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDirectoryBrowser();
                    }
                }
            }
            """);

    [Fact]
    public Task LookAlikeMembersOfUserTypes_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseDirectoryBrowser(true);
            var options = new MyFileOptions { ServeUnknownFileTypes = true, EnableDirectoryBrowsing = true };
            app.Run();

            public sealed class MyFileOptions
            {
                public bool ServeUnknownFileTypes { get; set; }

                public bool EnableDirectoryBrowsing { get; set; }
            }

            public static class MyBrowser
            {
                public static IApplicationBuilder UseDirectoryBrowser(this IApplicationBuilder app, bool verbose) => app;
            }
            """);

    [Fact]
    public Task UnknownFileTypesWithContentTypeProvider_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var provider = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
            provider.Mappings[".bak"] = "application/octet-stream";
            app.UseStaticFiles(new StaticFileOptions { ContentTypeProvider = provider });
            app.Run();
            """);

    [Fact]
    public Task DirectoryBrowser_TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseDirectoryBrowser();
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
