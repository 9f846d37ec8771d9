using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.ForwardedHeadersTrustAllAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.ForwardedHeadersTrustAllCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0105ForwardedHeadersTrustAllTests
{
    [Fact]
    public Task ProxyAddedBack_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownNetworks.Clear();
                options.KnownProxies.Clear();
                options.KnownProxies.Add(IPAddress.Parse("10.0.0.100"));
            });
            """);

    [Fact]
    public Task NetworkAddedBack_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("10.0.0.0/8"));
            });
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task ProxiesFromConfiguration_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownNetworks.Clear();
                options.KnownProxies.Clear();
                foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? Array.Empty<string>())
                {
                    options.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            });
            """);

    [Fact]
    public Task OnlyNetworksCleared_LoopbackProxyStillTrusted_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options => options.KnownNetworks.Clear());
            """);

    [Fact]
    public Task OnlyProxiesCleared_LoopbackNetworkStillTrusted_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options => options.KnownProxies.Clear());
            """);

    [Fact]
    public Task InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.Configure<ForwardedHeadersOptions>(options =>
                {
                    options.KnownNetworks.Clear();
                    options.KnownProxies.Clear();
                });
            }
            """);

    [Fact]
    public Task UnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.EnvironmentName.StartsWith("Container", StringComparison.Ordinal))
            {
                builder.Services.Configure<ForwardedHeadersOptions>(options =>
                {
                    options.KnownNetworks.Clear();
                    options.KnownProxies.Clear();
                });
            }
            """);

    [Fact]
    public Task LookAlikeLists_OnUserType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var options = new ProxySettings();
            options.KnownNetworks.Clear();
            options.KnownProxies.Clear();

            class ProxySettings
            {
                public List<string> KnownNetworks { get; } = new();

                public List<string> KnownProxies { get; } = new();
            }
            """);

    [Fact]
    public Task ClearedInSeparateLambdas_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options => options.KnownNetworks.Clear());
            builder.Services.Configure<ForwardedHeadersOptions>(options => options.KnownProxies.Clear());
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.KnownNetworks.Clear();
                options.KnownProxies.Clear();
            });
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
