using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.ForwardedHeadersTrustAllAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.ForwardedHeadersTrustAllCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0105ForwardedHeadersTrustAllTests
{
    [Fact]
    public Task Fix_TopLevel_ReadsProxiesFromBuilderConfiguration()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownNetworks.Clear();
                {|AG0105:options.KnownProxies.Clear()|};
            });
            """, """
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownNetworks.Clear();
                foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? Array.Empty<string>())
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            });
            """);

    [Fact]
    public Task Fix_Startup_ReadsProxiesFromConfigurationProperty()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net;

            public class Startup(IConfiguration configuration)
            {
                public IConfiguration Configuration { get; } = configuration;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<ForwardedHeadersOptions>(o =>
                    {
                        o.KnownNetworks.Clear();
                        {|AG0105:o.KnownProxies.Clear()|};
                    });
                }
            }
            """, """
            using System.Net;

            public class Startup(IConfiguration configuration)
            {
                public IConfiguration Configuration { get; } = configuration;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<ForwardedHeadersOptions>(o =>
                    {
                        o.KnownNetworks.Clear();
                        foreach (var proxy in Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? Array.Empty<string>())
                        {
                            o.KnownProxies.Add(IPAddress.Parse(proxy));
                        }
                    });
                }
            }
            """);

    [Fact]
    public Task Fix_NoConfigurationInScope_NoFix()
    {
        var source = """
            public static class ForwardedHeadersSetup
            {
                public static void Configure(ForwardedHeadersOptions options)
                {
                    options.KnownNetworks.Clear();
                    {|AG0105:options.KnownProxies.Clear()|};
                }
            }
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task FixAll_TwoConfigurations_FixesBoth()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>("public", options =>
            {
                options.KnownNetworks.Clear();
                {|AG0105:options.KnownProxies.Clear()|};
            });
            builder.Services.Configure<ForwardedHeadersOptions>("internal", options =>
            {
                options.KnownNetworks.Clear();
                {|AG0105:options.KnownProxies.Clear()|};
            });
            """, """
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>("public", options =>
            {
                options.KnownNetworks.Clear();
                foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? Array.Empty<string>())
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            });
            builder.Services.Configure<ForwardedHeadersOptions>("internal", options =>
            {
                options.KnownNetworks.Clear();
                foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? Array.Empty<string>())
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            });
            """);
}
