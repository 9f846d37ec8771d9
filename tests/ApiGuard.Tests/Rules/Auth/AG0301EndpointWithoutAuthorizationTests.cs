using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.EndpointWithoutAuthorizationAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.EndpointWithoutAuthorizationCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0301EndpointWithoutAuthorizationTests
{
    /// <summary>A top-level app that maps controllers and sets no authorization defaults.</summary>
    internal const string ControllersProgram = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        var app = builder.Build();
        app.MapControllers();
        app.Run();

        """;

    /// <summary>Stand-ins for the gRPC package (not in the shared framework), with its namespace and names.</summary>
    internal const string Grpc = """
        namespace Microsoft.AspNetCore.Builder
        {
            public static class GrpcEndpointRouteBuilderExtensions
            {
                public static GrpcServiceEndpointConventionBuilder MapGrpcService<TService>(this Microsoft.AspNetCore.Routing.IEndpointRouteBuilder builder)
                    where TService : class
                    => throw new System.NotImplementedException();
            }

            public sealed class GrpcServiceEndpointConventionBuilder : IEndpointConventionBuilder
            {
                public void Add(System.Action<EndpointBuilder> convention) { }
            }
        }
        """;

    [Fact]
    public Task MinimalApi_TopLevel_ReportsOnMapName()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|#0:MapGet|}("/orders/{id:int}", (int id) => Results.Ok(id));
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("GET /orders/{id:int}"));

    [Fact]
    public Task MinimalApi_EveryVerb_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|#0:MapPost|}("/orders", () => Results.Ok());
            app.{|#1:MapPut|}("/orders/{id}", (int id) => Results.Ok());
            app.{|#2:MapDelete|}("/orders/{id}", (int id) => Results.Ok());
            app.{|#3:MapPatch|}("/orders/{id}", (int id) => Results.Ok());
            app.{|#4:MapMethods|}("/orders", new[] { "HEAD" }, () => Results.Ok());
            app.{|#5:Map|}("/raw", (HttpContext context) => Task.CompletedTask);
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("POST /orders"),
            VerifyCS.Diagnostic("AG0301").WithLocation(1).WithArguments("PUT /orders/{id}"),
            VerifyCS.Diagnostic("AG0301").WithLocation(2).WithArguments("DELETE /orders/{id}"),
            VerifyCS.Diagnostic("AG0301").WithLocation(3).WithArguments("PATCH /orders/{id}"),
            VerifyCS.Diagnostic("AG0301").WithLocation(4).WithArguments("/orders"),
            VerifyCS.Diagnostic("AG0301").WithLocation(5).WithArguments("/raw"));

    [Fact]
    public Task MinimalApi_InNestedGroups_ReportsWithFullRoute()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api");
            var orders = api.MapGroup("orders").WithTags("Orders");
            orders.{|#0:MapGet|}("/{id}", (int id) => Results.Ok(id));
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("GET /api/orders/{id}"));

    [Fact]
    public Task Controller_Action_ReportsOnActionName()
        => VerifyCS.VerifyAnalyzerAsync(ControllersProgram + """
            [Microsoft.AspNetCore.Mvc.ApiController]
            [Microsoft.AspNetCore.Mvc.Route("orders")]
            public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                [Microsoft.AspNetCore.Mvc.HttpGet]
                public string {|#0:Get|}() => "order";
            }
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("OrdersController.Get"));

    [Fact]
    public Task Startup_ControllersAndMinimalApi_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                        endpoints.{|#0:MapGet|}("/ping", () => "pong");
                    });
                }
            }

            public class ReportsController : Controller
            {
                public IActionResult {|#1:Index|}() => View();
            }
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(1).WithArguments("ReportsController.Index"),
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("GET /ping"));
}
