using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.ApiDocumentationInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.ApiDocumentationInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0404ApiDocumentationInProductionTests
{
    private static Task VerifyFixAsync(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = VerifyCS.Create(source, fixedSource).WithPackages(AllPackages);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_Unguarded_WrapsInDevelopmentGuard()
        => VerifyFixAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0404:UseSwagger()|};
            app.UseHttpsRedirection();
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseSwagger();
            }
            app.UseHttpsRedirection();
            app.Run();
            """);

    [Fact]
    public Task Fix_ExistingDevelopmentBlock_MovesCallThere()
        => VerifyFixAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseHttpLogging();
            }

            app.{|AG0404:UseSwaggerUI(options => options.RoutePrefix = "docs")|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseHttpLogging();
                app.UseSwaggerUI(options => options.RoutePrefix = "docs");
            }
            app.Run();
            """);

    [Fact]
    public Task Fix_MappedEndpointWithConventions_MovesWholeStatement()
        => VerifyFixAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0404:MapOpenApi()|}.WithName("openapi");
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.MapOpenApi().WithName("openapi");
            }
            app.Run();
            """);

    [Fact]
    public Task Fix_InUseEndpointsLambda_WrapsInPlace()
        => VerifyFixAsync("""
            var app = WebApplication.Create(args);
            app.UseRouting();
            app.UseEndpoints(endpoints =>
            {
                endpoints.{|AG0404:MapGrpcReflectionService()|};
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.UseRouting();
            app.UseEndpoints(endpoints =>
            {
                if (app.Environment.IsDevelopment())
                {
                    endpoints.MapGrpcReflectionService();
                }
            });
            app.Run();
            """);

    [Fact]
    public Task Fix_StartupWithoutEnvironment_AddsParameter()
        => VerifyFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|AG0404:UseSwagger()|};
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseSwagger();
                    }
                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task Fix_HelperWithEndpointRouteBuilder_WrapsInPlace()
        => VerifyFixAsync("""
            public static class Docs
            {
                public static void MapDocs(this IEndpointRouteBuilder endpoints)
                {
                    endpoints.{|AG0404:MapOpenApi()|};
                }
            }
            """, """
            public static class Docs
            {
                public static void MapDocs(this IEndpointRouteBuilder endpoints)
                {
                    if (endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>().IsDevelopment())
                    {
                        endpoints.MapOpenApi();
                    }
                }
            }
            """);

    [Fact]
    public Task Fix_RequireAuthorization_AddsConvention()
        => VerifyFixAsync("""
            using Scalar.AspNetCore;

            var app = WebApplication.Create(args);
            app.{|AG0404:MapOpenApi()|};
            app.{|AG0404:MapScalarApiReference()|}.WithName("docs");
            app.Run();
            """, """
            using Scalar.AspNetCore;

            var app = WebApplication.Create(args);
            app.MapOpenApi().RequireAuthorization();
            app.MapScalarApiReference().RequireAuthorization().WithName("docs");
            app.Run();
            """,
            "AG0404.RequireAuthorization");

    [Fact]
    public Task Fix_MiddlewareDoesNotOfferRequireAuthorization()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0404:UseSwagger()|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.{|AG0404:UseSwagger()|};
            app.Run();
            """).WithPackages(AllPackages);
        test.CodeActionEquivalenceKey = "AG0404.RequireAuthorization";
        test.NumberOfIncrementalIterations = 0;
        test.NumberOfFixAllIterations = 0;
        test.CodeActionValidationMode = Microsoft.CodeAnalysis.Testing.CodeActionValidationMode.None;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_SeveralCalls_GuardsEach()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0404:UseSwagger()|};
            app.UseRouting();
            app.{|AG0404:UseSwaggerUI()|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseSwagger();
                app.UseSwaggerUI();
            }
            app.UseRouting();
            app.Run();
            """).WithPackages(AllPackages);

        // Fix All guards each call where it is; one at a time, the second call joins the block the first fix made.
        test.BatchFixedCode = """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseSwagger();
            }
            app.UseRouting();
            if (app.Environment.IsDevelopment())
            {
                app.UseSwaggerUI();
            }
            app.Run();
            """;
        return test.RunAsync();
    }
}
