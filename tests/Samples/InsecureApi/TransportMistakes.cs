// Transport mistakes (AG0103 to AG0105): each rule fires exactly once in this file. (AG0102 fires on Program.cs.)
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.HttpOverrides;

internal static class TransportSetup
{
    // The inventory service's certificate expired once, and this "temporary" workaround stayed.
    public static HttpClient CreateInventoryClient() => new(new HttpClientHandler
    {
        // AG0103: every certificate is accepted, so anyone on the network path can pose as the inventory service.
        ServerCertificateCustomValidationCallback = (_, _, _, _) => true,
    });

    public static AuthenticationBuilder AddInternalTokens(this AuthenticationBuilder authentication) => authentication.AddJwtBearer(options =>
    {
        options.Authority = "http://identity.internal";

        // AG0104: the signing keys are downloaded over plain HTTP, so whoever can change them can forge tokens.
        options.RequireHttpsMetadata = false;
    });

    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownIPNetworks.Clear();

            // AG0105: with no known proxy or network left, any client can spoof its IP address and scheme.
            options.KnownProxies.Clear();
        });
}

namespace Microsoft.AspNetCore.Authentication.JwtBearer
{
    // Stands in for the Microsoft.AspNetCore.Authentication.JwtBearer package, so that the sample needs no package.
    public class JwtBearerOptions : AuthenticationSchemeOptions
    {
        public string? Authority { get; set; }

        public bool RequireHttpsMetadata { get; set; } = true;
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class JwtBearerExtensions
    {
        public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder, Action<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> configureOptions)
            => builder.AddScheme<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions, NoHandler>("Bearer", configureOptions);

        private sealed class NoHandler(Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> options, Microsoft.Extensions.Logging.ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
            : AuthenticationHandler<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>(options, logger, encoder)
        {
            protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());
        }
    }
}
