using ApiGuard.Tests.Infrastructure;
using ApiGuard.Tests.Rules.Secrets;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.SecurityHeadersMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.SecurityHeadersMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0701SecurityHeadersMissingTests
{
    [Fact]
    public Task InlineMiddleware_IndexerWrite_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                await next(context);
            });
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task MiddlewareClassInOtherFile_HeaderNamesAppend_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseMiddleware<SecurityHeadersMiddleware>();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/SecurityHeadersMiddleware.cs", """
            using Microsoft.Net.Http.Headers;

            public sealed class SecurityHeadersMiddleware
            {
                private readonly RequestDelegate _next;

                public SecurityHeadersMiddleware(RequestDelegate next) => _next = next;

                public Task InvokeAsync(HttpContext context)
                {
                    context.Response.Headers.Append(HeaderNames.XFrameOptions, "DENY");
                    return _next(context);
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ResultFilter_TypedProperty_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers(o => o.Filters.Add<NoSniffFilter>());

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);
        test.TestState.Sources.Add(("/0/NoSniffFilter.cs", """
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class NoSniffFilter : IResultFilter
            {
                public void OnResultExecuting(ResultExecutingContext context) => context.HttpContext.Response.Headers.XContentTypeOptions = "nosniff";

                public void OnResultExecuted(ResultExecutedContext context)
                {
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ContentSecurityPolicyOnly_TryAdd_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                context.Response.Headers.TryAdd("content-security-policy", "default-src 'none'");
                await next(context);
            });
            app.Run();
            """);

    [Fact]
    public Task HeaderNameConstantInOtherClass_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                context.Response.Headers[Names.Frame] = "DENY";
                context.Response.Headers.Add(Names.Sniff, "nosniff");
                await next(context);
            });
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Names.cs", """
            static class Names
            {
                public const string Frame = "X-Frame-Options";
                public static readonly string Sniff = "X-Content-Type-Options";
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task NetEscapadesUseSecurityHeaders_NoDiagnostic()
        => VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseSecurityHeaders();
            app.MapGet("/", () => "hi");
            app.Run();
            """).With(HeadersStandIns.NetEscapades).RunAsync();

    [Fact]
    public Task NWebsecHeaders_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseXfo(o => o.Deny());
                    app.UseRouting();
                }
            }
            """);
        test.TestState.AdditionalReferences.Add(HeadersStandIns.NWebsec);
        return test.RunAsync();
    }

    [Fact]
    public Task SetExternallyOption_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            "apiguard.headers.set_externally = true");

    [Fact]
    public Task OpaqueHelper_IncompleteModel_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.UseCompanyDefaults();
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(CompanyLibrary.Value);
        return test.RunAsync();
    }

    [Fact]
    public Task HeadersOnlyInDevelopment_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                // Any write counts, wherever it is: the rule does not check the guard or which app the middleware belongs to.
                app.Use(async (context, next) =>
                {
                    context.Response.Headers.XFrameOptions = "DENY";
                    await next(context);
                });
            }

            app.Run();
            """);

    [Fact]
    public Task NonAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            class Program
            {
                static void Main()
                {
                }
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    private static readonly Lazy<Microsoft.CodeAnalysis.MetadataReference> CompanyLibrary = new(() =>
    {
        var library = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Contoso.Defaults",
            new[]
            {
                Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("""
                    namespace Microsoft.AspNetCore.Builder
                    {
                        public static class ContosoDefaults
                        {
                            public static IApplicationBuilder UseCompanyDefaults(this IApplicationBuilder app) => app;
                        }
                    }
                    """),
            },
            TestReferences.Net80,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        Assert.True(library.Emit(stream).Success);
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(stream.ToArray());
    });
}
