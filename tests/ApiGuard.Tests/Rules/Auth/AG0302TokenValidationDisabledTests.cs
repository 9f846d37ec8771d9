using ApiGuard.Tests.Infrastructure;
using ApiGuard.Tests.Rules.Secrets;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.TokenValidationDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.TokenValidationDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

/// <summary>AG0302: token signature validation turned off. The other checks (AG0307) share the analyzer and the fixer.</summary>
public partial class AG0302TokenValidationDisabledTests
{
    internal static ApiGuardTest<Analyzers.Rules.Auth.TokenValidationDisabledAnalyzer, CodeFixes.Rules.Auth.TokenValidationDisabledCodeFixProvider> Create(string source, string? fixedSource = null, AspNetCoreVersion version = AspNetCoreVersion.Net80)
        => VerifyCS.Create(source, fixedSource, version).With(TokenValidationStandIns.Tokens);

    [Fact]
    public Task RequireSignedTokensFalse_TopLevelInitializer_Reports()
    {
        var test = Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    {|#0:RequireSignedTokens = false|},
                };
            });
            builder.Build().Run();
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0302").WithLocation(0).WithArguments("RequireSignedTokens = false"));
        return test.RunAsync();
    }

    [Fact]
    public Task RequireSignedTokensFalse_StartupPropertyOfOptions_Reports()
        => Create("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                        {|AG0302:options.TokenValidationParameters.RequireSignedTokens = false|});
                }

                public void Configure(IApplicationBuilder app) => app.UseAuthentication();
            }
            """).RunAsync();

    [Fact]
    public Task RequireSignedTokensFromConstantAndLocal_Reports()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                private const bool Signed = false;

                public static TokenValidationParameters FromConstant() => new TokenValidationParameters { {|AG0302:RequireSignedTokens = Signed|} };

                public static TokenValidationParameters FromLocal()
                {
                    var parameters = new TokenValidationParameters();
                    var signed = false;
                    {|AG0302:parameters.RequireSignedTokens = signed|};
                    return parameters;
                }
            }
            """).RunAsync();

    [Fact]
    public Task RequireSignedTokensIsDevelopmentValue_FalseOutsideDevelopment_Reports()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters { {|AG0302:RequireSignedTokens = builder.Environment.IsDevelopment()|} };
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task SignatureValidator_ReturnsJwtSecurityTokenOfText_Reports()
    {
        var test = Create("""
            using System.IdentityModel.Tokens.Jwt;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = "https://issuer.example.com",
                    {|#0:SignatureValidator = (token, _) => new JwtSecurityToken(token)|},
                };
            });
            builder.Build().Run();
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0302").WithLocation(0).WithArguments("SignatureValidator = (token, _) => new JwtSecurityToken(token)"));
        return test.RunAsync();
    }

    [Fact]
    public Task SignatureValidator_JsonWebTokenBlockBodyAndMethodGroup_Report()
        => Create("""
            using Microsoft.IdentityModel.JsonWebTokens;
            using Microsoft.IdentityModel.Tokens;

            public static class Tokens
            {
                public static TokenValidationParameters Block() => new TokenValidationParameters
                {
                    {|AG0302:SignatureValidator = delegate (string token, TokenValidationParameters parameters)
                    {
                        return new JsonWebToken(token);
                    }|},
                };

                public static TokenValidationParameters MethodGroup()
                {
                    var parameters = new TokenValidationParameters();
                    {|AG0302:parameters.SignatureValidator = Accept|};
                    return parameters;

                    static SecurityToken Accept(string token, TokenValidationParameters p) => new JsonWebToken(token);
                }
            }
            """).RunAsync();

    [Fact]
    public Task RequireSignedTokensFalse_AspNetCore10_Reports()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options => options.TokenValidationParameters = new TokenValidationParameters { {|AG0302:RequireSignedTokens = false|} });
            builder.Build().Run();
            """, version: AspNetCoreVersion.Net100).RunAsync();

    [Fact]
    public Task RequireSignedTokensFalse_InsideIsProduction_Reports()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var parameters = new TokenValidationParameters();
            if (builder.Environment.IsProduction())
            {
                {|AG0302:parameters.RequireSignedTokens = false|};
            }

            builder.Build().Run();
            """).RunAsync();
}
