using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.ApiDocumentationInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.ApiDocumentationInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0404ApiDocumentationInProductionTests
{
    [Theory]
    [InlineData("if (app.Environment.IsDevelopment()) { app.UseSwagger(); app.UseSwaggerUI(); }")]
    [InlineData("if (!app.Environment.IsDevelopment()) { app.UseHsts(); } else { app.UseSwagger(); app.MapOpenApi(); }")]
    [InlineData("if (app.Environment.IsEnvironment(\"Development\")) app.UseReDoc();")]
    [InlineData("if (app.Environment.EnvironmentName == Environments.Development) app.MapOpenApi();")]
    [InlineData("if (!app.Environment.IsDevelopment()) return; app.UseSwagger();")]
    [InlineData("var isDev = app.Environment.IsDevelopment(); if (isDev) app.MapGrpcReflectionService();")]
    [InlineData("_ = app.Environment.IsDevelopment() ? app.UseSwagger() : app;")]
    public Task TopLevel_DevelopmentGuard_NoDiagnostic(string pipeline)
    {
        var test = VerifyCS.Create($$"""
            var app = WebApplication.Create(args);
            {{pipeline}}
            app.Run();
            """).WithPackages(AllPackages);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("app.MapOpenApi().RequireAuthorization();")]
    [InlineData("app.MapOpenApi().RequireAuthorization(\"Docs\");")]
    [InlineData("app.MapScalarApiReference().WithName(\"docs\").RequireAuthorization();")]
    [InlineData("app.MapGrpcReflectionService().RequireAuthorization();")]
    [InlineData("var docs = app.MapGroup(\"/docs\").RequireAuthorization(); docs.MapOpenApi(); docs.MapScalarApiReference();")]
    public Task MappedDocuments_RequireAuthorization_NoDiagnostic(string pipeline)
    {
        var test = VerifyCS.Create($$"""
            using Scalar.AspNetCore;

            var app = WebApplication.Create(args);
            {{pipeline}}
            app.Run();
            """).WithPackages(AllPackages);
        return test.RunAsync();
    }

    [Fact]
    public Task OpenApi_FallbackPolicyRequiresAuthentication_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.UseAuthorization();
            app.MapOpenApi();
            app.Run();
            """).WithPackages(AllPackages);
        return test.RunAsync();
    }

    [Fact]
    public Task Startup_DevelopmentGuardInUseEndpoints_NoDiagnostic()
        => VerifyAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        if (env.IsDevelopment())
                        {
                            endpoints.MapGrpcReflectionService();
                        }
                    });
                }
            }
            """);

    [Fact]
    public Task Helper_CalledOnlyInDevelopment_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDocumentation();
            }

            app.Run();
            """).WithPackages(AllPackages);
        test.TestState.Sources.Add(("/0/Documentation.cs", """
            public static class DocumentationExtensions
            {
                public static WebApplication UseDocumentation(this WebApplication app)
                {
                    app.UseSwagger();
                    app.MapOpenApi();
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UserMethodsWithSameNames_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseSwagger();
            app.MapOpenApi();
            app.Run();

            public static class MyDocs
            {
                public static IApplicationBuilder UseSwagger(this IApplicationBuilder app) => app;

                public static IEndpointConventionBuilder MapOpenApi(this IEndpointRouteBuilder endpoints) => endpoints.MapGet("/openapi.json", () => "{}");
            }
            """);

    [Fact]
    public Task Swagger_BehindConfigurationFlag_Reports()
        => VerifyAsync("""
            var app = WebApplication.Create(args);
            if (app.Configuration.GetValue<bool>("Swagger:Enabled"))
            {
                app.{|AG0404:UseSwagger()|};
            }

            app.Run();
            """);

    [Fact]
    public Task OpenApi_BuilderStoredInLocal_KnownFalseNegative()
    {
        // No app maps this helper, so only the conventions chained on the call count; the builder is stored in a local, which may get
        // RequireAuthorization() anywhere, so the rule stays silent (documented limitation).
        var test = VerifyCS.Create("""
            public static class Docs
            {
                public static void Map(IEndpointRouteBuilder endpoints)
                {
                    var docs = endpoints.MapOpenApi();
                    docs.WithName("openapi");
                }
            }
            """).WithPackages(AllPackages);
        return test.RunAsync();
    }

    [Fact]
    public Task Swagger_TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseSwagger();
            app.Run();
            """).WithPackages(AllPackages);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task NoPackages_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseRouting();
            app.Run();
            """);
}
