using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.TokenValidationDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.TokenValidationDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

/// <summary>AG0307: issuer, audience, lifetime, signing key or expiration checks turned off. Traps shared with AG0302 are in its tests.</summary>
public class AG0307TokenClaimValidationDisabledTests
{
    private static ApiGuardTest<Analyzers.Rules.Auth.TokenValidationDisabledAnalyzer, CodeFixes.Rules.Auth.TokenValidationDisabledCodeFixProvider> Create(string source, string? fixedSource = null)
        => AG0302TokenValidationDisabledTests.Create(source, fixedSource);

    [Fact]
    public Task ValidateLifetimeFalse_TopLevel_Reports()
    {
        var test = Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    {|#0:ValidateLifetime = false|},
                };
            });
            builder.Build().Run();
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0307").WithLocation(0).WithArguments("ValidateLifetime = false"));
        return test.RunAsync();
    }

    [Fact]
    public Task ValidateIssuerAndAudienceFalse_StartupStatements_Report()
        => Create("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                    {
                        {|AG0307:options.TokenValidationParameters.ValidateIssuer = false|};
                        {|AG0307:options.TokenValidationParameters.ValidateAudience = false|};
                    });
                }

                public void Configure(IApplicationBuilder app) => app.UseAuthentication();
            }
            """).RunAsync();

    [Fact]
    public Task ValidatorsThatAcceptEverything_Report()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public sealed class TokenSetup
            {
                private readonly TokenValidationParameters _parameters = new()
                {
                    {|AG0307:IssuerValidator = (issuer, token, parameters) => issuer|},
                    {|AG0307:AudienceValidator = (audiences, token, parameters) => true|},
                    {|AG0307:LifetimeValidator = delegate { return true; }|},
                };

                public void Loosen()
                {
                    {|AG0307:_parameters.IssuerValidator = (_, _, _) => "https://issuer.example.com"|};
                    {|AG0307:_parameters.LifetimeValidator = Always|};
                }

                private static bool Always(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters) => true;
            }
            """).RunAsync();

    [Fact]
    public Task ValidateLifetimeIsDevelopmentTernary_FalseOutsideDevelopment_Reports()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters { {|AG0307:ValidateLifetime = builder.Environment.IsDevelopment() ? true : false|} };
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task ValidateLifetimeFalse_InsideIsDevelopmentElse_NoDiagnostic()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters();
            if (!builder.Environment.IsDevelopment())
            {
                parameters.ValidateLifetime = true;
            }
            else
            {
                parameters.ValidateLifetime = false;
                parameters.LifetimeValidator = (_, _, _, _) => true;
            }

            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task Fix_ValidateAudienceStatement_SetsTrue()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static void Configure(TokenValidationParameters parameters)
                {
                    {|AG0307:parameters.ValidateAudience = false|};
                }
            }
            """, """
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static void Configure(TokenValidationParameters parameters)
                {
                    parameters.ValidateAudience = true;
                }
            }
            """).RunAsync();

    [Fact]
    public Task FixAll_AcceptAllValidators_Removed()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create()
                {
                    var parameters = new TokenValidationParameters
                    {
                        ValidIssuer = "https://issuer.example.com",
                        {|AG0307:AudienceValidator = (audiences, token, p) => true|},
                    };
                    {|AG0307:parameters.IssuerValidator = (issuer, token, p) => issuer|};
                    return parameters;
                }
            }
            """, """
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Create()
                {
                    var parameters = new TokenValidationParameters
                    {
                        ValidIssuer = "https://issuer.example.com",
                    };
                    return parameters;
                }
            }
            """).RunAsync();
}
