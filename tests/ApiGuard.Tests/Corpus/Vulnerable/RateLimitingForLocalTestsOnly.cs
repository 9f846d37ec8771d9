// expect: AG0101 AG0102 AG0701 AG0602 AG0301 AG0301 AG0603
// A minimal API whose rate limiting was only tried out locally: the limiter is registered in Development only, but the
// middleware runs everywhere (the app fails at start-up in production), and one endpoint names a policy nobody registers.
using Microsoft.AspNetCore.RateLimiting;

var builder = WebApplication.CreateBuilder(args);
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddRateLimiter(options => options.AddFixedWindowLimiter(Policies.Search, limiter =>
    {
        limiter.PermitLimit = 5;
        limiter.Window = TimeSpan.FromSeconds(10);
    }));
}

var app = builder.Build();
app.UseRateLimiter();
app.MapGet("/search", (string q) => Results.Ok(new[] { q })).RequireRateLimiting(Policies.Search);
app.MapGet("/export", () => Results.Ok("export")).RequireRateLimiting(Policies.Export);
app.Run();

static class Policies
{
    public const string Search = "search";
    public const string Export = "export";
}
