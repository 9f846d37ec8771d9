namespace ApiGuard.Tests.Rules.Transport;

/// <summary>
/// Stand-ins, with the real namespaces, names and members, for the authentication packages AG0104 knows (JwtBearer and OpenID
/// Connect, which are not in the ASP.NET Core shared framework). Unlike <c>SecretsStandIns</c>, they carry <c>RequireHttpsMetadata</c>
/// and <c>Authority</c>. Add them with <c>SecretsStandIns.With</c>.
/// </summary>
internal static class TransportStandIns
{
    public const string Authentication = """
        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
            {
                public string? Authority { get; set; }

                public string? Audience { get; set; }

                public bool RequireHttpsMetadata { get; set; } = true;
            }

            public static class JwtBearerDefaults
            {
                public const string AuthenticationScheme = "Bearer";
            }
        }

        namespace Microsoft.AspNetCore.Authentication.OpenIdConnect
        {
            public class OpenIdConnectOptions : Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions
            {
                public string? Authority { get; set; }

                public string? ClientId { get; set; }

                public bool RequireHttpsMetadata { get; set; } = true;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class JwtBearerExtensions
            {
                public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddJwtBearer(
                    this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder,
                    System.Action<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> configureOptions) => builder;
            }

            public static class OpenIdConnectExtensions
            {
                public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddOpenIdConnect(
                    this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder,
                    System.Action<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions> configureOptions) => builder;
            }
        }
        """;
}
