using Xunit;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0302TokenValidationDisabledTests
{
    [Fact]
    public Task Fix_RequireSignedTokensFalse_SetsTrue()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
                {|AG0302:options.TokenValidationParameters.RequireSignedTokens = false|});
            builder.Build().Run();
            """, """
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
                options.TokenValidationParameters.RequireSignedTokens = true);
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task Fix_SignatureValidatorInInitializer_RemovesEntry()
        => Create("""
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer.example.com",
                    {|AG0302:SignatureValidator = (token, _) => new JwtSecurityToken(token)|},
                    ValidAudience = "api",
                };
            }
            """, """
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer.example.com",
                    ValidAudience = "api",
                };
            }
            """).RunAsync();

    [Fact]
    public Task Fix_SignatureValidatorStatementAndExpressionLambda_RemovesOrNulls()
        => Create("""
            using Microsoft.IdentityModel.JsonWebTokens;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters();
            {|AG0302:parameters.SignatureValidator = (token, _) => new JsonWebToken(token)|};
            builder.Services.AddAuthentication().AddJwtBearer(options =>
                {|AG0302:options.TokenValidationParameters.SignatureValidator = (token, _) => new JsonWebToken(token)|});
            builder.Build().Run();
            """, """
            using Microsoft.IdentityModel.JsonWebTokens;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters();
            builder.Services.AddAuthentication().AddJwtBearer(options =>
                options.TokenValidationParameters.SignatureValidator = null);
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task FixAll_EveryDisabledClaimCheckInOneInitializer_AllFixed()
        => Create("""
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters
                {
                    {|AG0307:ValidateIssuer = false|},
                    {|AG0307:ValidateAudience = false|},
                    {|AG0307:ValidateLifetime = false|},
                    {|AG0307:ValidateIssuerSigningKey = false|},
                    {|AG0307:RequireExpirationTime = false|},
                };
            }
            """, """
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                };
            }
            """).RunAsync();
}
