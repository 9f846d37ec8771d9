// A secure app: CORS origins come from configuration, credentials only with explicit origins,
// a development-only permissive policy, and look-alike APIs that are not ASP.NET Core's.
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Cors.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>();
const string PartnerOrigin = "https://partner.example";

builder.Services.AddCors(options =>
{
    options.AddDefaultPolicy(policy => policy.WithOrigins(origins).AllowCredentials().WithMethods("GET", "POST"));
    options.AddPolicy("Partner", policy => policy.WithOrigins(PartnerOrigin, "*").WithHeaders("Content-Type"));
    options.AddPolicy("Tenants", policy => policy.SetIsOriginAllowed(TenantOrigins.IsKnown).AllowCredentials());
});

if (builder.Environment.IsDevelopment())
{
    builder.Services.AddCors(options => options.AddPolicy("Dev", policy => policy.AllowAnyOrigin().AllowAnyHeader().AllowAnyMethod()));
}

builder.Services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
    RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromMinutes(1) })));

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseHttpsRedirection();
app.Use((context, next) =>
{
    context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'none'";
    return next(context);
});

app.UseCors();
app.UseRateLimiter();
app.MapGet("/", () => new Widgets().AllowAnyOrigin()).RequireAuthorization();
app.Run();

static class TenantOrigins
{
    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase) { "https://a.example", "https://b.example" };

    public static bool IsKnown(string origin) => Known.Contains(origin);
}

sealed class Widgets
{
    public string AllowAnyOrigin() => "not CORS";
}

static class PolicyFactory
{
    public static CorsPolicy Explicit()
    {
        var policy = new CorsPolicy();
        policy.Origins.Add("https://a.example");
        policy.SupportsCredentials = true;
        return policy;
    }
}
