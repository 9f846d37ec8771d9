using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.ApiDocumentationInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.ApiDocumentationInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0404ApiDocumentationInProductionTests
{
    private static readonly string[] AllPackages =
    {
        DisclosureStandIns.Swashbuckle, DisclosureStandIns.OpenApi, DisclosureStandIns.Scalar, DisclosureStandIns.GrpcReflection,
    };

    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = VerifyCS.Create(source).WithPackages(AllPackages);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task Swashbuckle_TopLevelUnguarded_Reports()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSwaggerGen();
            var app = builder.Build();
            app.{|#0:UseSwagger()|};
            app.{|#1:UseSwaggerUI(options => options.RoutePrefix = "docs")|};
            app.{|#2:UseReDoc()|};
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0404").WithLocation(0).WithArguments("UseSwagger()"),
            VerifyCS.Diagnostic("AG0404").WithLocation(1).WithArguments("UseSwaggerUI()"),
            VerifyCS.Diagnostic("AG0404").WithLocation(2).WithArguments("UseReDoc()"));

    [Fact]
    public Task MappedDocuments_TopLevelUnguarded_Report()
        => VerifyAsync("""
            using Scalar.AspNetCore;

            var app = WebApplication.Create(args);
            app.{|#0:MapOpenApi()|};
            app.{|#1:MapScalarApiReference()|};
            app.{|#2:MapGrpcReflectionService()|};
            app.{|#3:MapSwagger()|};
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0404").WithLocation(0).WithArguments("MapOpenApi()"),
            VerifyCS.Diagnostic("AG0404").WithLocation(1).WithArguments("MapScalarApiReference()"),
            VerifyCS.Diagnostic("AG0404").WithLocation(2).WithArguments("MapGrpcReflectionService()"),
            VerifyCS.Diagnostic("AG0404").WithLocation(3).WithArguments("MapSwagger()"));

    [Fact]
    public Task Swagger_InvertedGuard_Reports()
        => VerifyAsync("""
            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.{|AG0404:UseSwagger()|};
            }

            app.Run();
            """);

    [Fact]
    public Task Swagger_ElseOfDevelopmentCheck_Reports()
        => VerifyAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseHttpLogging();
            }
            else
            {
                app.{|AG0404:UseSwaggerUI()|};
            }

            app.Run();
            """);

    [Fact]
    public Task Swagger_StagingOrDevelopment_Reports()
        => VerifyAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment() || app.Environment.IsStaging())
            {
                app.{|AG0404:UseSwagger()|};
            }

            app.Run();
            """);

    [Fact]
    public Task Startup_Unguarded_Reports()
        => VerifyAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.{|AG0404:UseSwagger()|};
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.{|AG0404:MapGrpcReflectionService()|});
                }
            }
            """);

    [Fact]
    public Task OpenApi_AllowAnonymous_Reports()
        => VerifyAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0404:MapOpenApi()|}.AllowAnonymous();
            app.Run();
            """);

    [Fact]
    public Task Helper_UnguardedAndCalledUnguarded_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseDocumentation();
            app.Run();
            """).WithPackages(AllPackages);
        test.TestState.Sources.Add(("/0/Documentation.cs", """
            public static class DocumentationExtensions
            {
                public static WebApplication UseDocumentation(this WebApplication app)
                {
                    app.{|AG0404:UseSwagger()|};
                    app.{|AG0404:MapOpenApi()|};
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Helper_NotCalledFromAnyApp_ReportsOnLocalGuard()
        => VerifyAsync("""
            public static class DocumentationExtensions
            {
                public static IApplicationBuilder UseDocumentation(this IApplicationBuilder app) => app.{|AG0404:UseSwagger()|};
            }
            """);

    [Fact]
    public Task OpenApi_AspNetCore10_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0404:MapOpenApi()|};
            app.Run();
            """, version: AspNetCoreVersion.Net100).WithPackages(AllPackages);
        return test.RunAsync();
    }

    [Fact]
    public Task Swagger_TestProjectWithOption_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0404:UseSwagger()|};
            app.Run();
            """).WithPackages(AllPackages);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }
}
