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

    [Fact]
    public Task StaticMain_MinimalApi_Reports()
    {
        var test = VerifyCS.Create("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = builder.Build();
                    app.{|#0:MapGet|}("/status", () => "ok");
                    app.Run();
                }
            }
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("GET /status"));
        return test.RunAsync();
    }

    [Fact]
    public Task MinimalApi_NeutralConventionsAndMethodGroupHandler_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/a", Handlers.Get).WithName("A").WithTags("A").RequireCors("Default").Produces<string>(200);
            app.{|AG0301:MapPost|}("/b", () => "b").WithMetadata(new Microsoft.AspNetCore.Routing.EndpointNameMetadata("b"));
            app.Run();

            static class Handlers
            {
                public static string Get() => "a";
            }
            """);

    [Fact]
    public Task MinimalApi_RequireAuthorizationOnlyInDevelopment_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api");
            if (app.Environment.IsDevelopment())
            {
                api.RequireAuthorization();
            }

            api.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """);

    [Fact]
    public Task MinimalApi_FallbackPolicyOnlyInDevelopment_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            }

            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """);

    [Fact]
    public Task MinimalApi_FallbackPolicySetToNull_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = null);
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """);

    [Fact]
    public Task MinimalApi_InHelperInAnotherFileCalledWithUnprotectedGroup_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGroup("/orders").MapOrderEndpoints();
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/OrderEndpoints.cs", """
            public static class OrderEndpoints
            {
                public static RouteGroupBuilder MapOrderEndpoints(this RouteGroupBuilder group)
                {
                    group.{|#0:MapGet|}("/{id}", (int id) => id);
                    return group;
                }
            }
            """));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("GET /orders/{id}"));
        return test.RunAsync();
    }

    [Fact]
    public Task MinimalApi_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapStaticAssets();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task Controller_MarkedControllerWithoutBase_Reports()
        => VerifyCS.VerifyAnalyzerAsync(ControllersProgram + """
            [Microsoft.AspNetCore.Mvc.Controller]
            public class Reports
            {
                public string {|AG0301:Daily|}() => "report";
            }

            [Microsoft.AspNetCore.Mvc.ApiController]
            public class Exports
            {
                public string {|AG0301:Csv|}() => "csv";
            }
            """);

    [Fact]
    public Task Controller_ActionsInheritedFromUnprotectedBase_ReportOnBaseMethod()
        => VerifyCS.VerifyAnalyzerAsync("using Microsoft.AspNetCore.Mvc;\n\n" + ControllersProgram + """
            public abstract class CrudController<T> : ControllerBase
            {
                [HttpGet]
                public T[] {|#0:List|}() => new T[0];
            }

            public class OrdersController : CrudController<string>
            {
                [HttpPost]
                public void {|#1:Create|}(string order) { }
            }
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("OrdersController.List"),
            VerifyCS.Diagnostic("AG0301").WithLocation(1).WithArguments("OrdersController.Create"));

    [Theory]
    [InlineData("app.MapDefaultControllerRoute();")]
    [InlineData("app.MapControllerRoute(\"default\", \"{controller=Home}/{action=Index}/{id?}\");")]
    [InlineData("app.UseRouting(); app.UseEndpoints(endpoints => endpoints.MapControllers());")]
    public Task Controller_MappedByConventionalRoutes_Reports(string mapping)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            var app = builder.Build();
            {{mapping}}
            app.Run();

            public class HomeController : Microsoft.AspNetCore.Mvc.Controller
            {
                public Microsoft.AspNetCore.Mvc.IActionResult {|AG0301:Index|}() => View();
            }
            """);

    [Fact]
    public Task Controller_UseMvcInStartup_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddMvc(o => o.EnableEndpointRouting = false);

                public void Configure(IApplicationBuilder app) => app.UseMvcWithDefaultRoute();
            }

            public class HomeController : Microsoft.AspNetCore.Mvc.Controller
            {
                public Microsoft.AspNetCore.Mvc.IActionResult {|AG0301:Index|}() => View();
            }
            """);

    [Fact]
    public Task Controller_GlobalAuthorizeFilterOnlyInDevelopment_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var mvc = builder.Services.AddControllers();
            if (builder.Environment.IsDevelopment())
            {
                mvc.AddMvcOptions(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));
            }

            var app = builder.Build();
            app.MapControllers();
            app.Run();

            public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public string {|AG0301:Get|}() => "order";
            }
            """);

    [Fact]
    public Task Controller_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync(ControllersProgram + """
            public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public string {|AG0301:Get|}() => "order";
            }
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task RazorPages_HandlersAndHandlerlessPage_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc.RazorPages;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();

            public class EditModel : PageModel
            {
                public void {|#0:OnGet|}() { }

                public Task {|#1:OnPostAsync|}() => Task.CompletedTask;

                [NonHandler]
                public void OnGetHelper() { }

                public void Helper() { }
            }

            public class {|#3:AboutModel|} : PageModel
            {
            }

            public class {|#2:PrivacyModel|} : PageModel
            {
            }
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("EditModel.OnGet"),
            VerifyCS.Diagnostic("AG0301").WithLocation(1).WithArguments("EditModel.OnPostAsync"),
            VerifyCS.Diagnostic("AG0301").WithLocation(3).WithArguments("AboutModel"),
            VerifyCS.Diagnostic("AG0301").WithLocation(2).WithArguments("PrivacyModel"));

    [Fact]
    public Task Hub_Mapped_ReportsOnClass()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHub<ChatHub>("/chat");
            app.Run();

            public class {|#0:ChatHub|} : Microsoft.AspNetCore.SignalR.Hub
            {
                public Task Send(string message) => Task.CompletedTask;
            }

            public class UnmappedHub : Microsoft.AspNetCore.SignalR.Hub
            {
            }
            """,
            VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("ChatHub"));

    [Fact]
    public Task GrpcService_Mapped_ReportsOnClass()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGrpcService<GreeterService>();
            app.Run();

            public class {|#0:GreeterService|}
            {
                public string SayHello(string name) => "Hello " + name;
            }

            public class UnmappedService
            {
            }
            """);
        test.TestState.Sources.Add(("/0/Grpc.cs", Grpc));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0301").WithLocation(0).WithArguments("GreeterService"));
        return test.RunAsync();
    }

    [Fact]
    public Task MinimalApi_UserConventionHelperThatAddsNoAuthorization_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0301:MapGet|}("/orders", () => "orders").WithDefaults();
            app.Run();

            static class EndpointDefaults
            {
                public static RouteHandlerBuilder WithDefaults(this RouteHandlerBuilder builder) => Apply(builder).WithTags("Defaults");

                private static RouteHandlerBuilder Apply(RouteHandlerBuilder builder) => builder;
            }
            """);
}
