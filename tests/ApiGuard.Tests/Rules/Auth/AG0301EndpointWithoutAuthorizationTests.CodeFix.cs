using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.EndpointWithoutAuthorizationAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.EndpointWithoutAuthorizationCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0301EndpointWithoutAuthorizationTests
{
    private const string AddAuthorize = "AG0301.AddAuthorize";
    private const string RequireAuthorization = "AG0301.RequireAuthorization";
    private const string AllowAnonymous = "AG0301.AllowAnonymous";
    private const string FallbackPolicy = "AG0301.FallbackPolicy";

    // ---- [Authorize] ----

    [Fact]
    public Task Fix_AddAuthorize_OnControllerForEveryAction_AddsUsing()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("orders")]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public string {|AG0301:Get|}() => "order";

                [HttpDelete("{id}")]
                public void {|AG0301:Delete|}(int id) { }
            }
            """, """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("orders")]
            [Authorize]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "order";

                [HttpDelete("{id}")]
                public void Delete(int id) { }
            }
            """,
            AddAuthorize);

    [Fact]
    public Task Fix_AddAuthorize_OtherActionHasItsOwnPolicy_OnTheAction()
        => VerifyCS.VerifyCodeFixAsync(Usings + ControllersProgram + """
            public class OrdersController : ControllerBase
            {
                [Authorize(Policy = "Admin")]
                public void Purge() { }

                [AllowAnonymous]
                public string Catalog() => "catalog";

                public string {|AG0301:Get|}() => "order";
            }
            """, Usings + ControllersProgram + """
            public class OrdersController : ControllerBase
            {
                [Authorize(Policy = "Admin")]
                public void Purge() { }

                [AllowAnonymous]
                public string Catalog() => "catalog";

                [Authorize]
                public string Get() => "order";
            }
            """,
            AddAuthorize);

    [Fact]
    public Task Fix_AddAuthorize_ActionInheritedFromBase_OnTheBaseAction()
        => VerifyCS.VerifyCodeFixAsync(Usings + ControllersProgram + """
            public abstract class CrudController : ControllerBase
            {
                public string {|AG0301:List|}() => "list";
            }

            public class OrdersController : CrudController
            {
                [Authorize]
                public string Get() => "order";
            }
            """, Usings + ControllersProgram + """
            public abstract class CrudController : ControllerBase
            {
                [Authorize]
                public string List() => "list";
            }

            public class OrdersController : CrudController
            {
                [Authorize]
                public string Get() => "order";
            }
            """,
            AddAuthorize);

    [Fact]
    public Task Fix_AddAuthorize_StartupControllerInItsOwnFile()
    {
        var test = VerifyCS.Create("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """, """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);
        test.TestState.Sources.Add(("/0/Controllers/ReportsController.cs", """
            namespace Shop.Controllers;

            using Microsoft.AspNetCore.Mvc;

            public class ReportsController : Controller
            {
                public IActionResult {|AG0301:Index|}() => View();
            }
            """));
        test.FixedState.Sources.Add(("/0/Controllers/ReportsController.cs", """
            namespace Shop.Controllers;

            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public class ReportsController : Controller
            {
                public IActionResult Index() => View();
            }
            """));
        test.CodeActionEquivalenceKey = AddAuthorize;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_AddAuthorize_PageHandlers_OnThePageModel()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();

            public class EditModel : PageModel
            {
                public void {|AG0301:OnGet|}() { }

                public void {|AG0301:OnPost|}() { }
            }
            """, """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();

            [Authorize]
            public class EditModel : PageModel
            {
                public void OnGet() { }

                public void OnPost() { }
            }
            """,
            AddAuthorize);

    [Fact]
    public Task Fix_AddAuthorize_Hub()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHub<ChatHub>("/chat");
            app.Run();

            public class {|AG0301:ChatHub|} : Microsoft.AspNetCore.SignalR.Hub
            {
            }
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHub<ChatHub>("/chat");
            app.Run();

            [Authorize]
            public class ChatHub : Microsoft.AspNetCore.SignalR.Hub
            {
            }
            """,
            AddAuthorize);

    // ---- RequireAuthorization() ----

    [Fact]
    public Task Fix_RequireAuthorization_OnTheEndpoint_BeforeItsOtherConventions()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0301:MapGet|}("/orders", () => "orders")
                .WithName("Orders");
            app.{|AG0301:MapPost|}("/orders", () => "created");
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => "orders").RequireAuthorization()
                .WithName("Orders");
            app.MapPost("/orders", () => "created").RequireAuthorization();
            app.Run();
            """,
            RequireAuthorization);

    [Fact]
    public Task Fix_RequireAuthorization_OnTheGroupWhenAllItsEndpointsLackIt()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api");
            api.{|AG0301:MapGet|}("/orders", () => "orders");
            api.{|AG0301:MapPost|}("/orders", () => "created");
            api.MapGet("/catalog", () => "catalog").AllowAnonymous();
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api").RequireAuthorization();
            api.MapGet("/orders", () => "orders");
            api.MapPost("/orders", () => "created");
            api.MapGet("/catalog", () => "catalog").AllowAnonymous();
            app.Run();
            """,
            RequireAuthorization);

    [Fact]
    public Task Fix_RequireAuthorization_OnTheEndpointWhenTheGroupHasAPolicyEndpoint()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Admin", p => p.RequireRole("admin")));
            var app = builder.Build();
            var api = app.MapGroup("/api");
            api.{|AG0301:MapGet|}("/orders", () => "orders");
            api.MapDelete("/orders", () => "purged").RequireAuthorization("Admin");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Admin", p => p.RequireRole("admin")));
            var app = builder.Build();
            var api = app.MapGroup("/api");
            api.MapGet("/orders", () => "orders").RequireAuthorization();
            api.MapDelete("/orders", () => "purged").RequireAuthorization("Admin");
            app.Run();
            """,
            RequireAuthorization);

    [Fact]
    public Task Fix_RequireAuthorization_OnTheHubMappingInAnotherFile()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHub<ChatHub>("/chat");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHub<ChatHub>("/chat").RequireAuthorization();
            app.Run();
            """);
        const string Hub = """
            public class {|AG0301:ChatHub|} : Microsoft.AspNetCore.SignalR.Hub
            {
            }
            """;
        test.TestState.Sources.Add(("/0/ChatHub.cs", Hub));
        test.FixedState.Sources.Add(("/0/ChatHub.cs", Hub.Replace("{|AG0301:ChatHub|}", "ChatHub", StringComparison.Ordinal)));
        test.CodeActionEquivalenceKey = RequireAuthorization;
        return test.RunAsync();
    }

    // ---- Intentionally public ----

    [Fact]
    public Task Fix_AllowAnonymous_MinimalApi()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.{|AG0301:MapPost|}("/login", () => "token");
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapPost("/login", () => "token").AllowAnonymous();
            app.Run();
            """,
            AllowAnonymous);

    [Fact]
    public Task Fix_AllowAnonymous_ControllerAction()
        => VerifyCS.VerifyCodeFixAsync("using Microsoft.AspNetCore.Mvc;\n\n" + ControllersProgram + """
            public class CatalogController : ControllerBase
            {
                public string {|AG0301:List|}() => "products";
            }
            """, "using Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc;\n\n" + ControllersProgram + """
            public class CatalogController : ControllerBase
            {
                [AllowAnonymous]
                public string List() => "products";
            }
            """,
            AllowAnonymous);

    // ---- Require authorization by default ----

    [Fact]
    public Task Fix_FallbackPolicy_NoRegistration_AddsOneBeforeBuild()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.{|AG0301:MapPost|}("/orders", () => "created");
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.MapPost("/orders", () => "created");
            app.Run();
            """,
            FallbackPolicy);

    [Fact]
    public Task Fix_FallbackPolicy_AddAuthorizationWithoutOptions_AddsThem()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            FallbackPolicy);

    [Fact]
    public Task Fix_FallbackPolicy_BlockLambda_AppendsTheAssignment()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(auth =>
            {
                auth.AddPolicy("Admin", p => p.RequireRole("admin"));
            });
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(auth =>
            {
                auth.AddPolicy("Admin", p => p.RequireRole("admin"));
                auth.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            });
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            FallbackPolicy);

    [Fact]
    public Task Fix_FallbackPolicy_ExpressionLambda_BecomesABlock()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Admin", p => p.RequireRole("admin")));
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o =>
            {
                o.AddPolicy("Admin", p => p.RequireRole("admin"));
                o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            });
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            FallbackPolicy);

    [Fact]
    public Task Fix_FallbackPolicy_AuthorizationBuilder_ChainsSetFallbackPolicy()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy("Admin", p => p.RequireRole("admin"));
            var app = builder.Build();
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
                .AddPolicy("Admin", p => p.RequireRole("admin"));
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """,
            FallbackPolicy);

    [Fact]
    public Task Fix_FallbackPolicy_Startup_AddsRegistrationToConfigureServices()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.{|AG0301:MapGet|}("/ping", () => "pong"));
                }
            }
            """, """
            using Microsoft.AspNetCore.Authorization;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                    services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/ping", () => "pong"));
                }
            }
            """,
            FallbackPolicy);

    [Fact]
    public Task FixAll_FallbackPolicy_ControllersInTwoFiles_OneRegistrationInProgram()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """);
        const string Orders = """
            public class OrdersController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public string {|AG0301:Get|}() => "order";

                public void {|AG0301:Delete|}(int id) { }
            }
            """;
        const string Invoices = """
            public class InvoicesController : Microsoft.AspNetCore.Mvc.ControllerBase
            {
                public string {|AG0301:Get|}() => "invoice";
            }
            """;
        test.TestState.Sources.Add(("/0/OrdersController.cs", Orders));
        test.TestState.Sources.Add(("/0/InvoicesController.cs", Invoices));
        test.FixedState.Sources.Add(("/0/OrdersController.cs", Orders.Replace("{|AG0301:Get|}", "Get", StringComparison.Ordinal).Replace("{|AG0301:Delete|}", "Delete", StringComparison.Ordinal)));
        test.FixedState.Sources.Add(("/0/InvoicesController.cs", Invoices.Replace("{|AG0301:Get|}", "Get", StringComparison.Ordinal)));
        test.CodeActionEquivalenceKey = FallbackPolicy;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_AddAuthorize_TwoControllersInTwoFiles()
    {
        var test = VerifyCS.Create(ControllersProgram, ControllersProgram);
        test.TestState.Sources.Add(("/0/OrdersController.cs", """
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                public string {|AG0301:Get|}() => "order";

                public void {|AG0301:Delete|}(int id) { }
            }
            """));
        test.TestState.Sources.Add(("/0/InvoicesController.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            public class InvoicesController : ControllerBase
            {
                public string {|AG0301:Get|}() => "invoice";
            }
            """));
        test.FixedState.Sources.Add(("/0/OrdersController.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public class OrdersController : ControllerBase
            {
                public string Get() => "order";

                public void Delete(int id) { }
            }
            """));
        test.FixedState.Sources.Add(("/0/InvoicesController.cs", """
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc;

            [Authorize]
            public class InvoicesController : ControllerBase
            {
                public string Get() => "invoice";
            }
            """));
        test.CodeActionEquivalenceKey = AddAuthorize;
        return test.RunAsync();
    }

    /// <summary>A hub in an app with a builder: all four fixes are offered, in the order of issue 4.</summary>
    private const string HubApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<ChatHub>("/chat");
        app.Run();


        """;

    [Theory]
    [InlineData(0, AddAuthorize, "Add [Authorize] to 'ChatHub'")]
    [InlineData(1, RequireAuthorization, "Call RequireAuthorization() on 'MapHub(...)'")]
    [InlineData(2, AllowAnonymous, "Mark as intentionally public ([AllowAnonymous])")]
    [InlineData(3, FallbackPolicy, "Require authorization by default (fallback policy)")]
    public Task Fix_OffersTheFourFixesInOrder(int index, string equivalenceKey, string title)
    {
        var fixedCode = equivalenceKey switch
        {
            AddAuthorize => "using Microsoft.AspNetCore.Authorization;\n\n" + HubApp + "[Authorize]\npublic class ChatHub : Microsoft.AspNetCore.SignalR.Hub\n{\n}\n",
            RequireAuthorization => HubApp.Replace("app.MapHub<ChatHub>(\"/chat\");", "app.MapHub<ChatHub>(\"/chat\").RequireAuthorization();", StringComparison.Ordinal)
                + "public class ChatHub : Microsoft.AspNetCore.SignalR.Hub\n{\n}\n",
            AllowAnonymous => "using Microsoft.AspNetCore.Authorization;\n\n" + HubApp + "[AllowAnonymous]\npublic class ChatHub : Microsoft.AspNetCore.SignalR.Hub\n{\n}\n",
            _ => "using Microsoft.AspNetCore.Authorization;\n\n"
                + HubApp.Replace(
                    "var app = builder.Build();",
                    "builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());\nvar app = builder.Build();",
                    StringComparison.Ordinal)
                + "public class ChatHub : Microsoft.AspNetCore.SignalR.Hub\n{\n}\n",
        };
        var test = VerifyCS.Create(HubApp + "public class {|AG0301:ChatHub|} : Microsoft.AspNetCore.SignalR.Hub\n{\n}\n", fixedCode);
        test.CodeActionIndex = index;
        test.CodeActionEquivalenceKey = equivalenceKey;
        test.CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title);
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_RequireAuthorization_HelperReachedThroughTwoGroups_OnTheEndpoint()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGroup("/admin").RequireAuthorization().MapReports();
            app.MapGroup("/public").MapReports();
            app.Run();

            static class Reports
            {
                public static void MapReports(this RouteGroupBuilder group) => group.{|AG0301:MapGet|}("/reports", () => "reports");
            }
            """, """
            var app = WebApplication.Create(args);
            app.MapGroup("/admin").RequireAuthorization().MapReports();
            app.MapGroup("/public").MapReports();
            app.Run();

            static class Reports
            {
                public static void MapReports(this RouteGroupBuilder group) => group.MapGet("/reports", () => "reports").RequireAuthorization();
            }
            """,
            RequireAuthorization);
}
