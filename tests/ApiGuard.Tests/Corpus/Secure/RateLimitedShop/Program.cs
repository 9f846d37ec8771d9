// A shop API with per-client rate limits. The limiter and its policies are registered in RateLimiting.cs, the endpoints are
// mapped in ShopEndpoints.cs as a route group with its own policy, a partner controller uses another policy, and health checks
// are not limited.
using Contoso.Shop;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllers();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddShopRateLimiting(builder.Configuration);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler();
    app.UseHsts();
}

app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseHttpsRedirection();
app.UseRouting();
app.UseAuthorization();
app.UseShopRateLimiting();

app.MapShopEndpoints();
app.MapControllers();
app.MapHealthChecks("/health").DisableRateLimiting().AllowAnonymous();

app.Run();
