// Token validation, request size and sign-in rate limiting mistakes (AG0302, AG0307, AG0604, AG0605).
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.IdentityModel.Tokens;

internal static class PartnerTokens
{
    public static TokenValidationParameters Create() => new()
    {
        ValidIssuer = "https://login.partner.example",

        // AG0302: tokens without a signature are accepted, so anyone can write a token this API trusts.
        RequireSignedTokens = false,

        // AG0307: expired and revoked tokens keep working forever.
        ValidateLifetime = false,
    };
}

internal static class UploadLimits
{
    // AG0605: a single request may stream an endless body into the server.
    public static void Configure(KestrelServerOptions options) => options.Limits.MaxRequestBodySize = null;
}

// The identity service: a small app of its own, with a "login" policy that the sign-in endpoint forgets to use.
internal sealed class IdentityStartup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddRouting().AddAuthorization();
        services.AddRateLimiter(options => options.AddFixedWindowLimiter("login", limiter =>
        {
            limiter.PermitLimit = 5;
            limiter.Window = TimeSpan.FromMinutes(1);
        }));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "AG0701:Set security headers on responses", Justification = "The internal gateway in front of the identity service adds the security headers.")]
    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (!env.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseHttpsRedirection();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthorization();

        // AG0604: the sign-in endpoint has no rate-limit policy, so passwords can be guessed at full speed.
        app.UseEndpoints(endpoints => endpoints.MapPost("/account/login", () => Results.Ok()).AllowAnonymous());
    }
}

namespace Microsoft.IdentityModel.Tokens
{
    // Stands in for the package's TokenValidationParameters (the real members, fewer of them).
    public class TokenValidationParameters
    {
        public string? ValidIssuer { get; set; }

        public bool RequireSignedTokens { get; set; } = true;

        public bool ValidateLifetime { get; set; } = true;
    }
}
