// expect: AG0201 AG0201 AG0201 AG0202 AG0101 AG0102 AG0701 AG0201
using Microsoft.AspNetCore.Cors.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddDefaultPolicy(policy => policy.AllowAnyOrigin().AllowAnyMethod());
    options.AddPolicy("Wildcard", policy => policy.WithOrigins("*"));
    options.AddPolicy("Predicate", policy => policy.SetIsOriginAllowed(_ => true));
    options.AddPolicy("Reflect", policy => policy.SetIsOriginAllowed(origin => true).AllowCredentials());
});

var app = builder.Build();
app.UseCors();
app.Run();

static class PolicyFactory
{
    public static CorsPolicy Open()
    {
        var policy = new CorsPolicy();
        policy.Origins.Add("*");
        return policy;
    }
}
