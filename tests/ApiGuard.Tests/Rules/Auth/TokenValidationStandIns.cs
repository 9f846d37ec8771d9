namespace ApiGuard.Tests.Rules.Auth;

/// <summary>
/// Stand-ins, with the real namespaces, names, delegate signatures and parameter names, for Microsoft.IdentityModel.Tokens'
/// <c>TokenValidationParameters</c>, the JWT token types of System.IdentityModel.Tokens.Jwt and Microsoft.IdentityModel.JsonWebTokens,
/// and JwtBearer (AG0302, AG0307). Use instead of <c>SecretsStandIns.Jwt</c>, not with it.
/// </summary>
internal static class TokenValidationStandIns
{
    public const string Tokens = """
        namespace Microsoft.IdentityModel.Tokens
        {
            using System;
            using System.Collections.Generic;

            public abstract class SecurityKey { }

            public abstract class SecurityToken
            {
                public abstract string Issuer { get; }
            }

            public delegate SecurityToken SignatureValidator(string token, TokenValidationParameters validationParameters);

            public delegate string IssuerValidator(string issuer, SecurityToken securityToken, TokenValidationParameters validationParameters);

            public delegate bool AudienceValidator(IEnumerable<string> audiences, SecurityToken securityToken, TokenValidationParameters validationParameters);

            public delegate bool LifetimeValidator(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters validationParameters);

            public class TokenValidationParameters
            {
                public bool ValidateIssuer { get; set; } = true;

                public bool ValidateAudience { get; set; } = true;

                public bool ValidateLifetime { get; set; } = true;

                public bool ValidateIssuerSigningKey { get; set; }

                public bool RequireSignedTokens { get; set; } = true;

                public bool RequireExpirationTime { get; set; } = true;

                public bool RequireAudience { get; set; } = true;

                public bool SaveSigninToken { get; set; }

                public string? ValidIssuer { get; set; }

                public string? ValidAudience { get; set; }

                public SecurityKey? IssuerSigningKey { get; set; }

                public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

                public SignatureValidator? SignatureValidator { get; set; }

                public IssuerValidator? IssuerValidator { get; set; }

                public AudienceValidator? AudienceValidator { get; set; }

                public LifetimeValidator? LifetimeValidator { get; set; }
            }
        }

        namespace System.IdentityModel.Tokens.Jwt
        {
            public class JwtSecurityToken : Microsoft.IdentityModel.Tokens.SecurityToken
            {
                public JwtSecurityToken(string jwtEncodedString) { }

                public override string Issuer => string.Empty;
            }

            public class JwtSecurityTokenHandler
            {
                public JwtSecurityToken ReadJwtToken(string token) => new JwtSecurityToken(token);
            }
        }

        namespace Microsoft.IdentityModel.JsonWebTokens
        {
            public class JsonWebToken : Microsoft.IdentityModel.Tokens.SecurityToken
            {
                public JsonWebToken(string jwtEncodedString) { }

                public override string Issuer => string.Empty;
            }
        }

        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
            {
                public Microsoft.IdentityModel.Tokens.TokenValidationParameters TokenValidationParameters { get; set; } = new();
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
        }
        """;
}
