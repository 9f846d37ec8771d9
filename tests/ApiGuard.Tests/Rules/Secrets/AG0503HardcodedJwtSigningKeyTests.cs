using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Secrets.HardcodedJwtSigningKeyAnalyzer,
    ApiGuard.CodeFixes.Rules.Secrets.HardcodedJwtSigningKeyCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Secrets;

public partial class AG0503HardcodedJwtSigningKeyTests
{
    private static ApiGuardTest<Analyzers.Rules.Secrets.HardcodedJwtSigningKeyAnalyzer, CodeFixes.Rules.Secrets.HardcodedJwtSigningKeyCodeFixProvider> Create(string source, string? fixedSource = null)
        => VerifyCS.Create(source, fixedSource).With(SecretsStandIns.Jwt);

    [Fact]
    public Task TopLevel_IssuerSigningKeyFromEncodedLiteral_Reports()
    {
        var test = Create("""
            using System.Text;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|#0:"ThisIsMySuperSecretSigningKey-2024!"|})),
                };
            });
            builder.Build().Run();
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0503").WithLocation(0).WithArguments("new SymmetricSecurityKey(...)"));
        return test.RunAsync();
    }

    [Fact]
    public Task Startup_IssuerSigningKey_Reports()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddJwtBearer(options =>
                        options.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.ASCII.GetBytes({|AG0503:"0123456789abcdef0123456789abcdef"|})));
                }

                public void Configure(IApplicationBuilder app) => app.UseAuthentication();
            }
            """).RunAsync();

    [Fact]
    public Task TokenIssuer_SigningCredentialsFromBase64AndByteArray_Report()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public sealed class TokenIssuer
            {
                public SigningCredentials Current()
                    => new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String({|AG0503:"q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="|})), SecurityAlgorithms.HmacSha256);

                public SigningCredentials Legacy()
                    => new SigningCredentials(new SymmetricSecurityKey({|AG0503:new byte[] { 0x1F, 0x2A, 0x3B, 0x4C, 0x5D, 0x6E, 0x7F, 0x80 }|}), SecurityAlgorithms.HmacSha256);

                public SymmetricSecurityKey FromCollection() => new SymmetricSecurityKey({|AG0503:[0x1F, 0x2A, 0x3B, 0x4C]|});
            }
            """).RunAsync();

    [Fact]
    public Task KeyThroughLocalsAndConstant_Reports()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            public static class Keys
            {
                private const string Signing = "k3y-f0r-s1gn1ng-t0k3ns-2024-xyz!";

                public static SecurityKey FromConstant() => new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|AG0503:Signing|}));

                public static SecurityKey FromLocals()
                {
                    var text = {|AG0503:"another-hard-coded-signing-key-123"|};
                    var bytes = Encoding.UTF8.GetBytes(text);
                    return new SymmetricSecurityKey(bytes);
                }
            }
            """).RunAsync();

    [Fact]
    public Task LiteralFallbackOfConfigurationRead_Reports()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:Key"] ?? {|AG0503:"fallback-signing-key-for-local-runs!"|}));
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task PlaceholderLookingKey_StillReports()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            // A placeholder is a working HMAC key as written: anyone can sign with it.
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|AG0503:"<your-secret-key-at-least-32-characters>"|}));
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
    {
        var test = Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|AG0503:"ThisIsMySuperSecretSigningKey-2024!"|}));
            builder.Build().Run();
            """);
        test.Version = AspNetCoreVersion.Net100;
        return test.RunAsync();
    }

    [Fact]
    public Task KeyFromConfiguration_NoDiagnostic()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var signingKey = builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured.");
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey));
            var other = new SymmetricSecurityKey(Convert.FromBase64String(builder.Configuration["Jwt:Base64Key"]!));
            var random = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task EmptyKey_NoDiagnostic()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(""));
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task InsideIsDevelopment_NoDiagnostic()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = builder.Environment.IsDevelopment()
                ? new SymmetricSecurityKey(Encoding.UTF8.GetBytes("local-development-signing-key-123456"))
                : new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"]!));
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task WithoutIdentityModel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            namespace Keys
            {
                public class SymmetricSecurityKey
                {
                    public SymmetricSecurityKey(byte[] key) { }
                }

                public static class Use
                {
                    public static SymmetricSecurityKey Key() => new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes("not-the-real-type-12345"));
                }
            }
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("ThisIsMySuperSecretSigningKey-2024!"));
            WebApplication.Create(args).Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task KeyInStaticReadonlyField_KnownFalseNegative()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            public static class Keys
            {
                private static readonly byte[] Signing = Encoding.UTF8.GetBytes("k3y-f0r-s1gn1ng-t0k3ns-2024-xyz!");

                public static SecurityKey Create() => new SymmetricSecurityKey(Signing);
            }
            """).RunAsync();

    [Fact]
    public Task KeyBuiltInHelperMethod_KnownFalseNegative()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            public static class Keys
            {
                private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

                public static SecurityKey Create() => new SymmetricSecurityKey(Bytes("k3y-f0r-s1gn1ng-t0k3ns-2024-xyz!"));
            }
            """).RunAsync();
}
