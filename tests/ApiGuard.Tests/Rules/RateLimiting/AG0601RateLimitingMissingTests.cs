using ApiGuard.Analyzers.Rules.RateLimiting;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimitingMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimitingMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0601RateLimitingMissingTests
{
    [Fact]
    public Task TopLevel_MinimalApiWithoutLimiter_ReportsOnBuild()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0601").WithLocation(0).WithArguments(RateLimitingMissingAnalyzer.MissingMessage));

    [Fact]
    public Task TopLevel_MapControllers_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = {|AG0601:builder.Build()|};
            app.UseAuthorization();
            app.MapControllers();
            app.Run();
            """);

    [Fact]
    public Task TopLevel_WebApplicationCreate_ReportsOnCreate()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0601:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task StaticMain_Reports()
    {
        var test = VerifyCS.Create("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = {|AG0601:builder.Build()|};
                    app.MapGet("/", () => "hi");
                    app.Run();
                }
            }
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Startup_ControllersWithoutLimiter_ReportsOnConfigure()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void {|AG0601:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);

    [Fact]
    public Task TopLevel_LimiterOnlyInDevelopment_ReportsDevelopmentOnly()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all")));
            }

            var app = {|#0:builder.Build()|};
            if (app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0601").WithLocation(0).WithArguments(RateLimitingMissingAnalyzer.DevelopmentOnlyMessage));

    [Fact]
    public Task Startup_EndpointsMappedInHelperInAnotherFile_Reports()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRouting();

                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapOrderEndpoints());
                }
            }
            """);
        test.TestState.Sources.Add(("/0/OrderEndpoints.cs", """
            namespace Contoso.Api;

            public static class OrderEndpoints
            {
                public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder endpoints)
                {
                    endpoints.MapGet("/orders", () => "orders");
                    return endpoints;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UserMethodNamedUseRateLimiter_Reports()
    {
        // A naive matcher would take the user's UseRateLimiter (more specific than the framework's, so it wins) for the framework's.
        var test = VerifyCS.Create("""
            using Contoso.Throttling;

            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Throttling.cs", """
            namespace Contoso.Throttling;

            public static class ThrottlingExtensions
            {
                public static WebApplication UseRateLimiter(this WebApplication app)
                {
                    app.UseResponseCompression();
                    return app;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UserClassNamedLikeAspNetCoreRateLimit_Reports()
    {
        // Same method and class names as AspNetCoreRateLimit, in the user's own namespace: not a rate limiter.
        var test = VerifyCS.Create("""
            using Contoso.Middleware;

            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.UseIpRateLimiting();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/MiddlewareExtensions.cs", """
            namespace Contoso.Middleware;

            public static class MiddlewareExtensions
            {
                public static IApplicationBuilder UseIpRateLimiting(this IApplicationBuilder app) => app.UseResponseCompression();
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CustomThrottlingMiddleware_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.UseMiddleware<ThrottlingMiddleware>();
            app.MapGet("/", () => "hi");
            app.Run();

            sealed class ThrottlingMiddleware(RequestDelegate next)
            {
                public Task InvokeAsync(HttpContext context) => next(context);
            }
            """);

    [Fact]
    public Task RouteGroupOnly_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            var api = app.MapGroup("/api");
            api.MapGet("/orders", () => "orders");
            app.Run();
            """);

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.MapStaticAssets();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            AspNetCoreVersion.Net100);
}
