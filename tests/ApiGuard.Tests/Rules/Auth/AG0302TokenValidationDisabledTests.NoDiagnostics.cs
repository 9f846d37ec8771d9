using ApiGuard.Tests.Infrastructure;
using Xunit;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0302TokenValidationDisabledTests
{
    [Fact]
    public Task ValidationFlagsTrue_NoDiagnostic()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
            };
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task RequireSignedTokens_NotIsDevelopmentValue_NoDiagnostic()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters
            {
                RequireSignedTokens = !builder.Environment.IsDevelopment(),
                ValidateLifetime = !builder.Environment.IsDevelopment(),
                ValidateIssuer = builder.Environment.IsDevelopment() ? false : true,
            };
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task RequireSignedTokensFalse_InsideIsDevelopment_NoDiagnostic()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    options.TokenValidationParameters.RequireSignedTokens = false;
                    options.TokenValidationParameters.SignatureValidator = (token, _) => new System.IdentityModel.Tokens.Jwt.JwtSecurityToken(token);
                    options.TokenValidationParameters.ValidateLifetime = false;
                }
            });
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task RequireSignedTokens_UnknownGuardOrConfigurationValue_NoDiagnostic()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters
            {
                RequireSignedTokens = builder.Configuration.GetValue<bool>("Jwt:RequireSignedTokens"),
            };
            if (builder.Environment.EnvironmentName.StartsWith("Local"))
            {
                parameters.ValidateIssuer = false;
            }

            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task SignatureValidator_ThatValidates_NoDiagnostic()
        => Create("""
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create(Func<string, bool> verify) => new TokenValidationParameters
                {
                    SignatureValidator = (token, _) =>
                    {
                        if (!verify(token))
                        {
                            throw new InvalidOperationException("Bad signature.");
                        }

                        return new JwtSecurityToken(token);
                    },
                    IssuerValidator = (issuer, token, p) => issuer == "https://issuer.example.com" ? issuer : throw new InvalidOperationException(),
                    AudienceValidator = (audiences, token, p) => audiences.Contains("api"),
                    LifetimeValidator = (notBefore, expires, token, p) => expires > DateTime.UtcNow,
                };
            }
            """).RunAsync();

    [Fact]
    public Task LookAlikeTypeWithSameProperties_NoDiagnostic()
        => Create("""
            public sealed class TokenValidationParameters
            {
                public bool RequireSignedTokens { get; set; }

                public bool ValidateLifetime { get; set; }
            }

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters { RequireSignedTokens = false, ValidateLifetime = false };
            }
            """).RunAsync();

    [Fact]
    public Task OtherProperties_NoDiagnostic()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters
                {
                    RequireAudience = true,
                    SaveSigninToken = false,
                    ClockSkew = TimeSpan.Zero,
                };
            }
            """).RunAsync();

    [Fact]
    public Task NoTokenValidationParametersType_NoDiagnostic()
    {
        var test = Infrastructure.CSharpCodeFixVerifier<Analyzers.Rules.Auth.TokenValidationDisabledAnalyzer, CodeFixes.Rules.Auth.TokenValidationDisabledCodeFixProvider>.Create("""
            public sealed class Options
            {
                public bool RequireSignedTokens { get; set; }
            }

            public static class Program
            {
                public static void Main() => _ = new Options { RequireSignedTokens = false };
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters { RequireSignedTokens = false };
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_AnalyzeTestProjectsOption_Reports()
    {
        var test = Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters { {|AG0302:RequireSignedTokens = false|} };
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task SignatureValidator_ReadJwtTokenOfHandler_KnownFalseNegative()
        => Create("""
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                // Reads the token without checking its signature, like `new JwtSecurityToken(token)`; only object creations are recognised.
                public static TokenValidationParameters Create() => new TokenValidationParameters
                {
                    SignatureValidator = (token, _) => new JwtSecurityTokenHandler().ReadJwtToken(token),
                };
            }
            """).RunAsync();

    [Fact]
    public Task SignatureValidator_MethodInOtherFile_KnownFalseNegative()
    {
        var test = Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create() => new TokenValidationParameters { SignatureValidator = Validators.Accept };
            }
            """);
        test.TestState.Sources.Add(("/0/Validators.cs", """
            using Microsoft.IdentityModel.Tokens;

            public static class Validators
            {
                public static SecurityToken Accept(string token, TokenValidationParameters parameters) => new System.IdentityModel.Tokens.Jwt.JwtSecurityToken(token);
            }
            """));
        return test.RunAsync();
    }
}
