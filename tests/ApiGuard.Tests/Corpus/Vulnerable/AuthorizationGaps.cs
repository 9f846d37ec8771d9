// expect: AG0102 AG0701 AG0301 AG0301 AG0301
// An API with authorization gaps: an admin group that never requires authorization, a base controller that forgot [Authorize]
// (one action has its own roles, the other has nothing), and a hub mapped without authorization. The fallback policy that would
// have covered them is set in Development only.
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddControllers();
builder.Services.AddSignalR();
builder.Services.AddHealthChecks();
builder.Services.AddRateLimiter(options =>
    options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetFixedWindowLimiter("all", _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })));

if (builder.Environment.IsDevelopment())
{
    builder.Services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseRateLimiter();
app.MapHealthChecks("/health");

var admin = app.MapGroup("/admin");
admin.MapDelete("/users/{id:int}", (int id) => Results.NoContent());
admin.MapPost("/login", () => Results.Ok()).AllowAnonymous();

app.MapControllers();
app.MapHub<NotificationsHub>("/notifications");
app.Run();

[ApiController]
public abstract class ApiControllerBase : ControllerBase
{
}

[Route("api/invoices")]
public class InvoicesController : ApiControllerBase
{
    [HttpGet]
    public IEnumerable<string> List() => new[] { "INV-1" };

    [HttpPost("{id:int}/refund")]
    [Authorize(Roles = "finance")]
    public IActionResult Refund(int id) => NoContent();
}

public class NotificationsHub : Hub
{
}
