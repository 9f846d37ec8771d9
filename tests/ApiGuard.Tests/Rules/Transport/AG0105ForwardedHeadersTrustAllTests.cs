using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.ForwardedHeadersTrustAllAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.ForwardedHeadersTrustAllCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0105ForwardedHeadersTrustAllTests
{
    [Fact]
    public Task ConfigureLambda_BothCleared_ReportsOnProxiesClear()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.HttpOverrides;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.KnownNetworks.Clear();
                {|#0:options.KnownProxies.Clear()|};
            });
            """,
            VerifyCS.Diagnostic("AG0105").WithLocation(0).WithArguments("KnownProxies.Clear()"));

    [Fact]
    public Task OptionsObject_InTopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.All };
            {|AG0105:forwarded.KnownProxies.Clear()|};
            forwarded.KnownNetworks.Clear();
            app.UseForwardedHeaders(forwarded);
            app.Run();
            """);

    [Fact]
    public Task Startup_ConfigureServices_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<ForwardedHeadersOptions>(o =>
                    {
                        o.KnownNetworks.Clear();
                        {|AG0105:o.KnownProxies.Clear()|};
                    });
                }
            }
            """);

    [Fact]
    public Task KnownIPNetworks_OnNet10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownIPNetworks.Clear();
                {|AG0105:options.KnownProxies.Clear()|};
            });
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task InsideNotDevelopment_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (!builder.Environment.IsDevelopment())
            {
                builder.Services.Configure<ForwardedHeadersOptions>(options =>
                {
                    options.KnownNetworks.Clear();
                    {|AG0105:options.KnownProxies.Clear()|};
                });
            }
            """);
}
