// A realistic, fully secured API: ApiGuard must report nothing here. Controllers inherit [Authorize] from a base controller, the
// minimal APIs live in protected route groups (nested, and through a helper), the sign-in endpoints are explicitly anonymous, a
// fallback policy covers everything else, the hub requires authorization, and health checks are public by convention. Secrets come
// from configuration, and the administrator is seeded with a password read from configuration.
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
    });

builder.Services.AddAuthorizationBuilder()
    .AddPolicy("Admin", policy => policy.RequireRole("admin"))
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

builder.Services.AddIdentityCore<IdentityUser>();
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddHealthChecks();
builder.Services.AddProblemDetails();
builder.Services.AddRateLimiter(options =>
{
    options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) }));
});

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    // Development only: never reported.
    app.MapGet("/debug/environment", () => app.Environment.EnvironmentName);
}
else
{
    app.UseExceptionHandler();
    app.UseHsts();
}

app.Use(async (context, next) =>
{
    context.Response.Headers.XContentTypeOptions = "nosniff";
    context.Response.Headers.XFrameOptions = "DENY";
    await next(context);
});

app.UseHttpsRedirection();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/health");
app.MapPost("/account/login", (LoginRequest request) => Results.Ok()).AllowAnonymous();

var api = app.MapGroup("/api").RequireAuthorization();
var orders = api.MapGroup("/orders").WithTags("Orders");
orders.MapGet("/", () => Results.Ok(Array.Empty<Order>()));
orders.MapGet("/{id:int}", (int id) => Results.Ok(new Order(id, "pending")));
api.MapGroup("/admin").RequireAuthorization("Admin").MapAdminEndpoints();

app.MapControllers();
app.MapHub<NotificationsHub>("/hubs/notifications").RequireAuthorization();

// No metadata of its own: the fallback policy requires an authenticated user.
app.MapGet("/status", () => "ok");

await SeedAdministratorAsync(app.Services, app.Configuration);

app.Run();

static async Task SeedAdministratorAsync(IServiceProvider services, IConfiguration configuration)
{
    var password = configuration["Admin:Password"];
    if (string.IsNullOrEmpty(password))
    {
        return;
    }

    using var scope = services.CreateScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
    if (await users.FindByNameAsync("admin") is null)
    {
        await users.CreateAsync(new IdentityUser("admin"), password);
    }
}

static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder group)
    {
        group.MapDelete("/users/{id:int}", (int id) => Results.NoContent());
        return group;
    }
}

[Authorize]
[ApiController]
public abstract class ApiControllerBase : ControllerBase
{
}

[Route("api/invoices")]
public class InvoicesController : ApiControllerBase
{
    [HttpGet]
    public IEnumerable<string> List() => new[] { "INV-1", "INV-2" };

    [HttpPost("{id:int}/refund")]
    [Authorize(Roles = "finance")]
    public IActionResult Refund(int id) => NoContent();
}

[ApiController]
[Route("account")]
[Authorize]
public class AccountController : ControllerBase
{
    [AllowAnonymous]
    [HttpPost("register")]
    public IActionResult Register(LoginRequest request) => Ok();

    [HttpGet("me")]
    public string Me() => User.Identity?.Name ?? string.Empty;

    [NonAction]
    public string Describe() => nameof(AccountController);
}

public class NotificationsHub : Hub
{
    public Task Acknowledge(int id) => Task.CompletedTask;
}

public sealed record LoginRequest(string UserName, string Password);

internal sealed record Order(int Id, string Status);
