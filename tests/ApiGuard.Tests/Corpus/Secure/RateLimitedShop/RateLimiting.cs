using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Contoso.Shop;

public static class RateLimitPolicies
{
    public const string Api = "api";
    public const string Checkout = "checkout";
    public const string Partners = "partners";
}

public static class RateLimitingSetup
{
    public static IServiceCollection AddShopRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        var permitLimit = configuration.GetValue("RateLimiting:PermitLimit", 100);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;

            // Per signed-in user, else per client address.
            options.AddPolicy(RateLimitPolicies.Api, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = TimeSpan.FromMinutes(1) }));

            options.AddTokenBucketLimiter(RateLimitPolicies.Checkout, bucket =>
            {
                bucket.TokenLimit = 10;
                bucket.TokensPerPeriod = 2;
                bucket.ReplenishmentPeriod = TimeSpan.FromSeconds(10);
            });

            options.AddConcurrencyLimiter(RateLimitPolicies.Partners, limiter =>
            {
                limiter.PermitLimit = 20;
                limiter.QueueLimit = 10;
            });
        });

        return services;
    }

    public static IApplicationBuilder UseShopRateLimiting(this IApplicationBuilder app) => app.UseRateLimiter();
}
