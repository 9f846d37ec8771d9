using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.EndpointWithoutAuthorizationAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.EndpointWithoutAuthorizationCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0301EndpointWithoutAuthorizationTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        """;

    // ---- Minimal APIs: every protection form ----

    [Theory]
    [InlineData("app.MapGet(\"/a\", () => \"a\").RequireAuthorization();")]
    [InlineData("app.MapGet(\"/a\", () => \"a\").RequireAuthorization(\"Admin\");")]
    [InlineData("app.MapGet(\"/a\", () => \"a\").WithName(\"A\").RequireAuthorization(policy => policy.RequireRole(\"admin\"));")]
    [InlineData("app.MapGet(\"/a\", [Authorize] () => \"a\");")]
    [InlineData("app.MapGet(\"/a\", [Authorize(Roles = \"admin\")] () => \"a\");")]
    [InlineData("app.MapGet(\"/a\", Handlers.Secured);")]
    [InlineData("app.MapGet(\"/a\", () => \"a\").WithMetadata(new AuthorizeAttribute());")]
    [InlineData("var endpoint = app.MapGet(\"/a\", () => \"a\"); endpoint.RequireAuthorization();")]
    [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapGet(\"/a\", () => \"a\");")]
    [InlineData("var api = app.MapGroup(\"/api\"); api.RequireAuthorization(); api.MapGet(\"/a\", () => \"a\");")]
    [InlineData("var api = app.MapGroup(\"/api\").RequireAuthorization(); var v1 = api.MapGroup(\"/v1\").WithTags(\"v1\"); v1.MapGet(\"/a\", () => \"a\");")]
    [InlineData("app.UseRouting(); app.UseEndpoints(e => e.MapGet(\"/a\", () => \"a\").RequireAuthorization());")]
    public Task MinimalApi_Protected_NoDiagnostic(string mapping)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Admin", p => p.RequireRole("admin")));
            var app = builder.Build();
            {{mapping}}
            app.Run();

            static class Handlers
            {
                [Authorize]
                public static string Secured() => "a";
            }
            """);

    [Theory]
    [InlineData("app.MapPost(\"/login\", () => \"token\").AllowAnonymous();")]
    [InlineData("app.MapPost(\"/login\", [AllowAnonymous] () => \"token\");")]
    [InlineData("app.MapPost(\"/login\", () => \"token\").WithMetadata(new AllowAnonymousAttribute());")]
    [InlineData("var open = app.MapGroup(\"/public\").AllowAnonymous(); open.MapGet(\"/terms\", () => \"terms\");")]
    [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapPost(\"/login\", () => \"token\").AllowAnonymous();")]
    public Task MinimalApi_ExplicitlyPublic_NoDiagnostic(string mapping)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var app = WebApplication.Create(args);
            {{mapping}}
            app.Run();
            """);

    [Theory]
    [InlineData("builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("builder.Services.AddAuthorization(o => { o.AddPolicy(\"Admin\", p => p.RequireRole(\"admin\")); o.FallbackPolicy = o.DefaultPolicy; });")]
    [InlineData("builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());")]
    [InlineData("builder.Services.Configure<AuthorizationOptions>(o => o.FallbackPolicy = o.DefaultPolicy);")]
    [InlineData("if (!builder.Environment.IsDevelopment()) { builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy); }")]
    public Task FallbackPolicy_CoversEndpointsWithoutMetadata_NoDiagnostic(string registration)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            {{registration}}
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.MapControllers();
            app.Run();

            public class OrdersController : ControllerBase
            {
                public string Get() => "order";
            }
            """);

    [Fact]
    public Task FallbackPolicy_WithEndpointsThatHaveTheirOwnRoles_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy("Admin", p => p.RequireRole("admin"))
                .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
            var app = builder.Build();
            app.MapDelete("/orders/{id}", (int id) => Results.NoContent()).RequireAuthorization("Admin");
            app.MapControllers();
            app.Run();

            public class AdminController : ControllerBase
            {
                [Authorize(Roles = "admin")]
                public string Purge() => "purged";

                public string Status() => "ok";
            }
            """);

    [Fact]
    public Task Startup_FallbackPolicyInConfigureServices_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapControllers();
                        endpoints.MapGet("/ping", () => "pong");
                    });
                }
            }

            public class OrdersController : ControllerBase
            {
                public string Get() => "order";
            }
            """);

    [Fact]
    public Task MinimalApi_HelperGetsProtectedGroup_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGroup("/orders").RequireAuthorization().MapOrderEndpoints();
            app.MapGroup("/invoices").MapInvoiceEndpoints().RequireAuthorization();
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Endpoints.cs", """
            public static class Endpoints
            {
                public static void MapOrderEndpoints(this IEndpointRouteBuilder orders)
                {
                    orders.MapGet("/{id}", (int id) => id);
                }

                public static RouteGroupBuilder MapInvoiceEndpoints(this RouteGroupBuilder invoices)
                {
                    invoices.MapGet("/{id}", (int id) => id);
                    return invoices;
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task MinimalApi_HelperAddsRequireAuthorizationToItsParameter_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var api = app.MapGroup("/api").WithSecurity();
            api.MapGet("/a", () => "a");
            app.Run();

            static class Conventions
            {
                public static RouteGroupBuilder WithSecurity(this RouteGroupBuilder group)
                {
                    group.RequireAuthorization();
                    return group;
                }
            }
            """);

    // ---- Controllers: every protection form and the traps of the issue ----

    [Theory]
    [InlineData("[Authorize] public class OrdersController : ControllerBase { public string Get() => \"o\"; }")]
    [InlineData("public class OrdersController : ControllerBase { [Authorize(Policy = \"Admin\")] public string Get() => \"o\"; }")]
    [InlineData("[Authorize] public abstract class SecuredController : ControllerBase { } public class OrdersController : SecuredController { public string Get() => \"o\"; }")]
    [InlineData("[Authorize] public abstract class ApiController<T> : ControllerBase { public T[] List() => new T[0]; } public class OrdersController : ApiController<string> { public string Get() => \"o\"; }")]
    [InlineData("public sealed class AdminOnlyAttribute : AuthorizeAttribute { public AdminOnlyAttribute() => Roles = \"admin\"; } [AdminOnly] public class OrdersController : ControllerBase { public string Get() => \"o\"; }")]
    [InlineData("public class ApiKeyAttribute : System.Attribute, IAuthorizeData { public string? Policy { get; set; } public string? Roles { get; set; } public string? AuthenticationSchemes { get; set; } } public class OrdersController : ControllerBase { [ApiKey] public string Get() => \"o\"; }")]
    [InlineData("public class BaseController : ControllerBase { [Authorize] public virtual string Get() => \"b\"; } public class OrdersController : BaseController { public override string Get() => \"o\"; }")]
    [InlineData("public class OrdersController : ControllerBase { [TypeFilter(typeof(ApiKeyFilter))] public string Get() => \"o\"; } public class ApiKeyFilter : Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter { public void OnAuthorization(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context) { } }")]
    public Task Controller_AuthorizeAttribute_NoDiagnostic(string controllers)
        => VerifyCS.VerifyAnalyzerAsync(Usings + ControllersProgram + controllers);

    [Fact]
    public Task Controller_AllowAnonymousLoginInAuthorizeController_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + ControllersProgram + """
            [Authorize]
            [ApiController]
            [Route("account")]
            public class AccountController : ControllerBase
            {
                [AllowAnonymous]
                [HttpPost("login")]
                public string Login() => "token";

                [HttpGet("me")]
                public string Me() => User.Identity?.Name ?? "";
            }

            [AllowAnonymous]
            public class HomeController : Controller
            {
                public IActionResult Index() => View();
            }
            """);

    [Fact]
    public Task Controller_NonActionsAndNonControllers_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + ControllersProgram + """
            [Authorize]
            public class OrdersController : ControllerBase, IDisposable
            {
                public string Get() => "o";

                public void Dispose() { }
            }

            public class ReportsController : ControllerBase
            {
                [NonAction]
                public string Format(string report) => report;

                public static string Helper() => "static";

                internal string Internal() => "internal";

                protected string Protected() => "protected";

                public override string ToString() => "reports";
            }

            [NonController]
            public class LegacyController : ControllerBase
            {
                public string Get() => "legacy";
            }

            public abstract class AbstractController : ControllerBase
            {
                public abstract string Get();
            }

            public class GenericController<T> : ControllerBase
            {
                public string Get() => typeof(T).Name;
            }

            public class Outer
            {
                public class NestedController : ControllerBase
                {
                    public string Get() => "nested";
                }
            }
            """);

    [Fact]
    public Task ClassNamedControllerThatIsNotAController_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(ControllersProgram + """
            public static class PaymentController
            {
                public static string Charge() => "charged";
            }

            internal class ShippingController
            {
                public string Ship() => "shipped";
            }
            """);

    [Theory]
    [InlineData("app.MapControllers().RequireAuthorization();")]
    [InlineData("app.MapControllers().AllowAnonymous();")]
    [InlineData("app.MapGroup(\"/api\").RequireAuthorization().MapControllers();")]
    [InlineData("app.UseRouting(); app.UseEndpoints(endpoints => endpoints.MapControllers().RequireAuthorization());")]
    [InlineData("app.MapDefaultControllerRoute().RequireAuthorization();")]
    public Task Controller_ProtectedByMapping_NoDiagnostic(string mapping)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            {{mapping}}
            app.Run();

            public class OrdersController : ControllerBase
            {
                public string Get() => "o";
            }
            """);

    [Theory]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter()));")]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(\"Admin\")));")]
    [InlineData("builder.Services.AddMvc(o => o.Filters.Add<Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter>());")]
    [InlineData("builder.Services.AddControllersWithViews().AddMvcOptions(o => o.Filters.Add(typeof(Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter)));")]
    [InlineData("builder.Services.Configure<MvcOptions>(o => { var policy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build(); o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AuthorizeFilter(policy)); });")]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new Microsoft.AspNetCore.Mvc.Authorization.AllowAnonymousFilter()));")]
    public Task Controller_GlobalFilter_NoDiagnostic(string registration)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{registration}}
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            public class OrdersController : ControllerBase
            {
                public string Get() => "o";
            }
            """);

    [Fact]
    public Task Controller_NotMapped_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi").AllowAnonymous();
            app.Run();

            public class OrdersController : ControllerBase
            {
                public string Get() => "o";
            }
            """);

    [Fact]
    public Task Controller_InLibraryWithoutApp_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class OrdersController : ControllerBase
            {
                public string Get() => "o";
            }
            """);

    // ---- Razor Pages, hubs, gRPC ----

    [Theory]
    [InlineData("builder.Services.AddRazorPages(); app.MapRazorPages().RequireAuthorization();")]
    [InlineData("builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder(\"/\")); app.MapRazorPages();")]
    [InlineData("builder.Services.AddRazorPages().AddRazorPagesOptions(o => o.Conventions.AuthorizePage(\"/Edit\")); app.MapRazorPages();")]
    [InlineData("builder.Services.AddRazorPages(o => o.Conventions.AuthorizeAreaFolder(\"Admin\", \"/\")); app.MapRazorPages();")]
    public Task RazorPages_Protected_NoDiagnostic(string setup)
    {
        var parts = setup.Split("; app.", 2);
        return VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            var builder = WebApplication.CreateBuilder(args);
            {{parts[0]}};
            var app = builder.Build();
            app.{{parts[1]}}
            app.Run();

            public class EditModel : PageModel
            {
                public void OnGet() { }
            }
            """);
    }

    [Fact]
    public Task RazorPages_AuthorizeOnPageModel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
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
            }

            [AllowAnonymous]
            public class IndexModel : PageModel
            {
            }
            """);

    [Theory]
    [InlineData("[Authorize] public class ChatHub : Hub { }", "app.MapHub<ChatHub>(\"/chat\");")]
    [InlineData("public class ChatHub : Hub { }", "app.MapHub<ChatHub>(\"/chat\").RequireAuthorization();")]
    [InlineData("[AllowAnonymous] public class ChatHub : Hub { }", "app.MapHub<ChatHub>(\"/chat\");")]
    [InlineData("[Authorize] public abstract class SecureHub : Hub { } public class ChatHub : SecureHub { }", "app.MapHub<ChatHub>(\"/chat\");")]
    public Task Hub_Protected_NoDiagnostic(string hub, string mapping)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.SignalR;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            {{mapping}}
            app.Run();

            {{hub}}
            """);

    [Theory]
    [InlineData("[Authorize] public class GreeterService { }", "app.MapGrpcService<GreeterService>();")]
    [InlineData("public class GreeterService { }", "app.MapGrpcService<GreeterService>().RequireAuthorization();")]
    public Task GrpcService_Protected_NoDiagnostic(string service, string mapping)
    {
        var test = VerifyCS.Create($$"""
            using Microsoft.AspNetCore.Authorization;

            var app = WebApplication.Create(args);
            {{mapping}}
            app.Run();

            {{service}}
            """);
        test.TestState.Sources.Add(("/0/Grpc.cs", Grpc));
        return test.RunAsync();
    }

    // ---- Public by convention ----

    [Fact]
    public Task PublicByConvention_HealthChecksStaticFilesAndSpaFallback_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.UseStaticFiles();
            app.MapHealthChecks("/health");
            app.MapFallbackToFile("index.html");
            app.Run();
            """);

    [Fact]
    public Task PublicByConvention_StaticAssetsAndOpenApi_AspNetCore10_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddHealthChecks();
            var app = builder.Build();
            app.MapStaticAssets();
            app.MapHealthChecks("/healthz").DisableHttpMetrics();
            app.Run();
            """,
            AspNetCoreVersion.Net100);

    // ---- Environments ----

    [Fact]
    public Task Endpoint_OnlyInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.MapGet("/debug/config", () => "config");
            }

            app.Run();
            """);

    [Fact]
    public Task Endpoint_UnderUnclassifiedGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            if (Features.IsEnabled(app.Environment))
            {
                app.MapGet("/beta", () => "beta");
            }

            app.Run();

            static class Features
            {
                public static bool IsEnabled(IWebHostEnvironment environment) => environment.EnvironmentName.Length > 3;
            }
            """);

    // ---- What ApiGuard cannot see: silent ----

    [Fact]
    public Task OpaqueHelperFromUnknownLibrary_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            Company.Platform.PlatformExtensions.AddPlatformSecurity(builder.Services);
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);
        var library = new Microsoft.CodeAnalysis.Testing.ProjectState("Company.Platform", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Platform/", "cs");
        library.Sources.Add("""
            namespace Company.Platform;

            public static class PlatformExtensions
            {
                public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddPlatformSecurity(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services;
            }
            """);
        library.AdditionalReferences.AddRange(TestReferences.Net80);
        test.TestState.AdditionalProjects.Add("Company.Platform", library);
        test.TestState.AdditionalProjectReferences.Add("Company.Platform");
        return test.RunAsync();
    }

    [Theory]
    [InlineData("builder.Services.AddAuthorization(AuthorizationSetup.Configure);")]
    [InlineData("builder.Services.AddAuthorization(o => AuthorizationSetup.Configure(o));")]
    [InlineData("builder.Services.AddSingleton<IAuthorizationPolicyProvider, CustomPolicyProvider>();")]
    [InlineData("builder.Services.ConfigureOptions<AuthorizationSetup>();")]
    [InlineData("builder.Services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<AuthorizationOptions>, AuthorizationSetup>();")]
    public Task AuthorizationOptionsConfiguredOutOfSight_NoDiagnostic(string registration)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{registration}}
            var app = builder.Build();
            app.MapGet("/orders", () => "orders");
            app.Run();

            public class AuthorizationSetup : Microsoft.Extensions.Options.IConfigureOptions<AuthorizationOptions>
            {
                public static void Configure(AuthorizationOptions options) => options.FallbackPolicy = options.DefaultPolicy;

                void Microsoft.Extensions.Options.IConfigureOptions<AuthorizationOptions>.Configure(AuthorizationOptions options) => Configure(options);
            }

            public class CustomPolicyProvider : DefaultAuthorizationPolicyProvider
            {
                public CustomPolicyProvider(Microsoft.Extensions.Options.IOptions<AuthorizationOptions> options) : base(options) { }
            }
            """);

    [Theory]
    [InlineData("builder.Services.AddControllers(o => o.Filters.Add(new ApiKeyFilter()));")]
    [InlineData("builder.Services.AddControllers(o => o.Conventions.Add(new SecureByDefault()));")]
    [InlineData("builder.Services.AddControllers(MvcSetup.Configure);")]
    [InlineData("builder.Services.AddControllers(o => MvcSetup.Configure(o));")]
    public Task MvcConfiguredOutOfSight_NoDiagnostic(string registration)
        => VerifyCS.VerifyAnalyzerAsync(Usings + $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{registration}}
            var app = builder.Build();
            app.MapControllers();
            app.Run();

            public class OrdersController : ControllerBase
            {
                public string Get() => "o";
            }

            public class ApiKeyFilter : Microsoft.AspNetCore.Mvc.Filters.IAuthorizationFilter
            {
                public void OnAuthorization(Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext context) { }
            }

            public class SecureByDefault : Microsoft.AspNetCore.Mvc.ApplicationModels.IApplicationModelConvention
            {
                public void Apply(Microsoft.AspNetCore.Mvc.ApplicationModels.ApplicationModel application) { }
            }

            public static class MvcSetup
            {
                public static void Configure(MvcOptions options) { }
            }
            """);

    [Fact]
    public Task HubMappedInGenericHelper_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHubAt<ChatHub>("/chat");
            app.Run();

            public class ChatHub : Microsoft.AspNetCore.SignalR.Hub { }

            static class HubMapping
            {
                public static void MapHubAt<THub>(this IEndpointRouteBuilder endpoints, string path)
                    where THub : Microsoft.AspNetCore.SignalR.Hub
                    => endpoints.MapHub<THub>(path);
            }
            """);

    [Fact]
    public Task NotAnAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            public class OrdersController
            {
                public string Get() => "o";
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => "orders");
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_WithAnalyzeTestProjects_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.{|AG0301:MapGet|}("/orders", () => "orders");
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }

    // ---- Deliberate false negatives (docs: Known limitations) ----

    [Fact]
    public Task PocoControllerByNameOnly_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync(ControllersProgram + """
            public class PaymentController
            {
                public string Charge() => "charged";
            }
            """);

    [Fact]
    public Task ConventionAddedThroughAdd_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => "orders").Add(endpoint => endpoint.DisplayName = "Orders");
            app.Run();
            """);

    [Fact]
    public Task ConventionFromUnknownLibrary_KnownFalseNegative()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            Company.Platform.EndpointDefaults.WithPlatformDefaults(app.MapGet("/orders", () => "orders"));
            app.Run();
            """);
        var library = new Microsoft.CodeAnalysis.Testing.ProjectState("Company.Platform", Microsoft.CodeAnalysis.LanguageNames.CSharp, "/Platform/", "cs");
        library.Sources.Add("""
            namespace Company.Platform;

            public static class EndpointDefaults
            {
                public static TBuilder WithPlatformDefaults<TBuilder>(this TBuilder builder)
                    where TBuilder : Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
                    => builder;
            }
            """);
        library.AdditionalReferences.AddRange(TestReferences.Net80);
        test.TestState.AdditionalProjects.Add("Company.Platform", library);
        test.TestState.AdditionalProjectReferences.Add("Company.Platform");
        return test.RunAsync();
    }

    [Fact]
    public Task EndpointFilter_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () => "orders").AddEndpointFilter((context, next) => next(context));
            app.Run();
            """);

    [Fact]
    public Task HandlerFromDelegateVariable_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            Func<string> handler = () => "orders";
            app.MapGet("/orders", handler);
            app.Run();
            """);

    [Fact]
    public Task MapFallbackHandler_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapFallback(() => "catch-all");
            app.Run();
            """);

    [Fact]
    public Task ConventionalRouteRequiresAuthorizationButApiIsAttributeRouted_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllersWithViews();
            var app = builder.Build();
            app.MapDefaultControllerRoute().RequireAuthorization();
            app.MapControllers();
            app.Run();

            [ApiController]
            [Route("api/orders")]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "o";
            }
            """);

    [Fact]
    public Task RazorPagesAuthorizeFolderOnSubfolder_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc.RazorPages;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages(o => o.Conventions.AuthorizeFolder("/Admin"));
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();

            public class IndexModel : PageModel
            {
                public void OnPost() { }
            }
            """);

    [Fact]
    public Task AuthorizeOnPageHandler_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.Mvc.RazorPages;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();

            public class EditModel : PageModel
            {
                [Authorize]
                public void OnPost() { }
            }
            """);

    [Fact]
    public Task HubWithMethodLevelAuthorizeOnly_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;
            using Microsoft.AspNetCore.SignalR;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR();
            var app = builder.Build();
            app.MapHub<ChatHub>("/chat");
            app.Run();

            public class ChatHub : Hub
            {
                public Task Send(string message) => Task.CompletedTask;

                [Authorize(Roles = "moderator")]
                public Task Ban(string user) => Task.CompletedTask;
            }
            """);
}
