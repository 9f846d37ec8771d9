using Xunit;

namespace ApiGuard.Tests.Rules.Secrets;

public partial class AG0503HardcodedJwtSigningKeyTests
{
    [Fact]
    public Task Fix_TopLevel_ReadsBuilderConfigurationAndThrows()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|AG0503:"ThisIsMySuperSecretSigningKey-2024!"|})),
                });
            builder.Build().Run();
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured."))),
                });
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task Fix_ClassWithConfiguration_ReadsIt()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public sealed class TokenIssuer
            {
                private readonly IConfiguration _configuration;

                public TokenIssuer(IConfiguration configuration) => _configuration = configuration;

                public SymmetricSecurityKey Key() => new SymmetricSecurityKey(Convert.FromBase64String({|AG0503:"q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA="|}));
            }
            """, """
            using Microsoft.IdentityModel.Tokens;

            public sealed class TokenIssuer
            {
                private readonly IConfiguration _configuration;

                public TokenIssuer(IConfiguration configuration) => _configuration = configuration;

                public SymmetricSecurityKey Key() => new SymmetricSecurityKey(Convert.FromBase64String(_configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured.")));
            }
            """).RunAsync();

    [Fact]
    public Task Fix_ByteArrayWithoutSystemText_EncodesEnvironmentRead()
        => Create("""
            using Microsoft.IdentityModel.Tokens;

            public static class Keys
            {
                public static SymmetricSecurityKey Create() => new SymmetricSecurityKey({|AG0503:new byte[] { 0x1F, 0x2A, 0x3B, 0x4C }|});
            }
            """, """
            using Microsoft.IdentityModel.Tokens;

            public static class Keys
            {
                public static SymmetricSecurityKey Create() => new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("Jwt__SigningKey") ?? throw new InvalidOperationException("Jwt__SigningKey is not configured.")));
            }
            """).RunAsync();

    [Fact]
    public Task Fix_LiteralFallback_KeepsConfiguredKeyAndThrows()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:Key"] ?? {|AG0503:"fallback-signing-key-for-local-runs!"|}));
            builder.Build().Run();
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:Key"] ?? throw new InvalidOperationException("Jwt:Key is not configured.")));
            builder.Build().Run();
            """).RunAsync();

    [Fact]
    public Task FixAll_SeveralKeys_AllRead()
        => Create("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var signing = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|AG0503:"ThisIsMySuperSecretSigningKey-2024!"|}));
            var validation = new SymmetricSecurityKey(Encoding.UTF8.GetBytes({|AG0503:"ThisIsMyOtherSecretSigningKey-2024!"|}));
            builder.Build().Run();
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            var signing = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured.")));
            var validation = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured.")));
            builder.Build().Run();
            """).RunAsync();
}
