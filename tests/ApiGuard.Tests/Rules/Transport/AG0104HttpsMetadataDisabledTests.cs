using ApiGuard.Tests.Infrastructure;
using ApiGuard.Tests.Rules.Secrets;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HttpsMetadataDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HttpsMetadataDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0104HttpsMetadataDisabledTests
{
    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = VerifyCS.Create(source).With(TransportStandIns.Authentication);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyFixAsync(string source, string fixedSource)
        => VerifyCS.Create(source, fixedSource).With(TransportStandIns.Authentication).RunAsync();

    [Fact]
    public Task JwtBearer_FalseInLambda_Reports()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                {|#0:options.RequireHttpsMetadata = false|};
            });
            """,
            VerifyCS.Diagnostic("AG0104").WithLocation(0).WithArguments("JwtBearerOptions.RequireHttpsMetadata"));

    [Fact]
    public Task OpenIdConnect_FalseInStartup_Reports()
        => VerifyAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication().AddOpenIdConnect(options =>
                    {
                        options.Authority = "http://identity.internal";
                        {|#0:options.RequireHttpsMetadata = false|};
                    });
                }
            }
            """,
            VerifyCS.Diagnostic("AG0104").WithLocation(0).WithArguments("OpenIdConnectOptions.RequireHttpsMetadata"));

    [Fact]
    public Task ConstantFalse_Reports()
        => VerifyAsync("""
            const bool RequireHttps = false;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => {|AG0104:o.RequireHttpsMetadata = RequireHttps|});
            """);

    [Fact]
    public Task IsDevelopmentAsValue_Reports()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o => {|AG0104:o.RequireHttpsMetadata = builder.Environment.IsDevelopment()|});
            """);

    [Fact]
    public Task ObjectInitializer_Reports()
        => VerifyAsync("""
            using Microsoft.AspNetCore.Authentication.JwtBearer;

            var options = new JwtBearerOptions { Authority = "http://identity.internal", {|AG0104:RequireHttpsMetadata = false|} };
            """);

    [Fact]
    public Task InsideNotDevelopment_Reports()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(o =>
            {
                if (!builder.Environment.IsDevelopment())
                {
                    {|AG0104:o.RequireHttpsMetadata = false|};
                }
            });
            """);
}
