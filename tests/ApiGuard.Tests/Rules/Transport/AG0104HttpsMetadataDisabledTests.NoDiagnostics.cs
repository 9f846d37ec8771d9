using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HttpsMetadataDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HttpsMetadataDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0104HttpsMetadataDisabledTests
{
    [Fact]
    public Task True_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => o.RequireHttpsMetadata = true);
            """);

    [Fact]
    public Task NotIsDevelopmentAsValue_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => o.RequireHttpsMetadata = !builder.Environment.IsDevelopment());
            """);

    [Fact]
    public Task TernaryTrueOutsideDevelopment_NoDiagnostic()
        => VerifyAsync("""
            public class Startup(IWebHostEnvironment env)
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddAuthentication().AddOpenIdConnect(o => o.RequireHttpsMetadata = env.IsDevelopment() ? false : true);
            }
            """);

    [Fact]
    public Task IsProductionAsValue_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => o.RequireHttpsMetadata = builder.Environment.IsProduction());
            """);

    [Fact]
    public Task FalseInsideIsDevelopment_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o =>
            {
                o.Authority = builder.Configuration["Auth:Authority"];
                if (builder.Environment.IsDevelopment())
                {
                    o.RequireHttpsMetadata = false;
                }
            });
            """);

    [Fact]
    public Task FalseUnderUnknownGuard_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o =>
            {
                if (builder.Environment.EnvironmentName.Contains("Local"))
                {
                    o.RequireHttpsMetadata = false;
                }
            });
            """);

    [Fact]
    public Task FromConfiguration_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => o.RequireHttpsMetadata = builder.Configuration.GetValue<bool>("Auth:RequireHttpsMetadata"));
            """);

    [Fact]
    public Task LookAlikeProperty_OnUserType_NoDiagnostic()
        => VerifyAsync("""
            var settings = new IdentitySettings { RequireHttpsMetadata = false };

            class IdentitySettings
            {
                public bool RequireHttpsMetadata { get; set; }
            }
            """);

    [Fact]
    public Task PackageNotReferenced_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var settings = new IdentitySettings { RequireHttpsMetadata = false };

            class IdentitySettings
            {
                public bool RequireHttpsMetadata { get; set; }
            }
            """);

    [Fact]
    public Task FalseViaBoundConfigurationSection_KnownFalseNegative()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => builder.Configuration.GetSection("JwtBearer").Bind(o));
            """);
}
