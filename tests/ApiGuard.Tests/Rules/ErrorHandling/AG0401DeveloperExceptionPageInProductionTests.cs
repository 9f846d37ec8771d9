using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DeveloperExceptionPageInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DeveloperExceptionPageInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0401DeveloperExceptionPageInProductionTests
{
    /// <summary>Stand-ins for EF Core's diagnostics package (not in the shared framework), with its namespaces and names.</summary>
    internal const string EntityFrameworkPages = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class DatabaseErrorPageExtensions
            {
                public static IApplicationBuilder UseDatabaseErrorPage(this IApplicationBuilder app) => app;
            }

            public static class MigrationsEndPointExtensions
            {
                public static IApplicationBuilder UseMigrationsEndPoint(this IApplicationBuilder app) => app;
            }
        }
        """;

    [Fact]
    public Task TopLevel_Unguarded_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|#0:UseDeveloperExceptionPage()|};
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0401").WithLocation(0).WithArguments("UseDeveloperExceptionPage()"));

    [Fact]
    public Task TopLevel_InvertedGuard_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.{|AG0401:UseDeveloperExceptionPage()|};
            }

            app.Run();
            """);

    [Fact]
    public Task TopLevel_InElseOfDevelopmentCheck_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseHttpLogging();
            }
            else
            {
                app.{|AG0401:UseDeveloperExceptionPage()|};
            }

            app.Run();
            """);

    [Fact]
    public Task TopLevel_InProductionCheck_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsProduction())
            {
                app.{|AG0401:UseDeveloperExceptionPage()|};
            }

            app.Run();
            """);

    [Fact]
    public Task Startup_Unguarded_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.{|AG0401:UseDeveloperExceptionPage()|};
                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task Helper_UnguardedAndCalledUnguarded_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseDiagnostics();
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Diagnostics.cs", """
            public static class DiagnosticsExtensions
            {
                public static WebApplication UseDiagnostics(this WebApplication app)
                {
                    app.{|AG0401:UseDeveloperExceptionPage()|};
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Helper_NotCalledFromAnyApp_ReportsOnLocalGuard()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class DiagnosticsExtensions
            {
                public static IApplicationBuilder UseDiagnostics(this IApplicationBuilder app) => app.{|AG0401:UseDeveloperExceptionPage()|};
            }
            """);

    [Fact]
    public Task DatabaseErrorPageAndMigrationsEndPoint_Unguarded_Report()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0401:UseDatabaseErrorPage()|};
            app.{|AG0401:UseMigrationsEndPoint()|};
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/EntityFramework.cs", EntityFrameworkPages));
        return test.RunAsync();
    }

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0401:UseDeveloperExceptionPage()|};
            app.Run();
            """,
            AspNetCoreVersion.Net100);
}
