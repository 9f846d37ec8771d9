using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.CertificateValidationDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.CertificateValidationDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0103CertificateValidationDisabledTests
{
    [Fact]
    public Task CallbackCheckingErrors_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;

            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None;
            """);

    [Fact]
    public Task CallbackComparingThumbprint_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;

            const string PinnedThumbprint = "A1B2C3D4E5F60718293A4B5C6D7E8F9012345678";
            var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                {
                    if (errors == SslPolicyErrors.None)
                    {
                        return true;
                    }

                    return certificate is not null && string.Equals(certificate.Thumbprint, PinnedThumbprint, StringComparison.OrdinalIgnoreCase);
                },
            };
            """);

    [Fact]
    public Task CallbackThatThrowsOnErrors_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;

            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) =>
            {
                if (errors != SslPolicyErrors.None)
                {
                    throw new InvalidOperationException("Untrusted certificate: " + errors);
                }

                return true;
            };
            """);

    [Fact]
    public Task MethodCheckingChain_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = Validate;

            static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                => errors == SslPolicyErrors.None || (chain?.ChainStatus.All(s => s.Status == X509ChainStatusFlags.NoError) ?? false);
            """);

    [Fact]
    public Task InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var http = builder.Services.AddHttpClient("local-backend");
            if (builder.Environment.IsDevelopment())
            {
                // The local backend uses a self-signed development certificate.
                http.ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
                });
            }

            builder.Build().Run();
            """);

    [Fact]
    public Task AfterEarlyReturnOutsideDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class LocalCertificates
            {
                public static void Relax(HttpClientHandler handler, IHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        return;
                    }

                    handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                }
            }
            """);

    [Fact]
    public Task UnknownEnvironmentGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class LocalCertificates
            {
                public static void Relax(HttpClientHandler handler, IHostEnvironment env)
                {
                    if (env.EnvironmentName.EndsWith("Local"))
                    {
                        handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => true;
                    }
                }
            }
            """);

    [Fact]
    public Task LookAlikeProperty_OnUserType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var options = new MyTlsOptions();
            options.ServerCertificateCustomValidationCallback = (_, _) => true;
            options.RemoteCertificateValidationCallback = _ => true;

            class MyTlsOptions
            {
                public Func<object, object, bool>? ServerCertificateCustomValidationCallback { get; set; }

                public Func<object, bool>? RemoteCertificateValidationCallback { get; set; }
            }
            """);

    [Fact]
    public Task ClientCertificateSelection_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;

            static SslStream Open(Stream inner) => new SslStream(inner, false, null, (_, _, certificates, _, _) => certificates[0]);
            """);

    [Fact]
    public Task MethodInAnotherFile_KnownFalseNegative()
    {
        var test = VerifyCS.Create("""
            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = Tls.AcceptAll };
            """);
        test.TestState.Sources.Add(("/0/Tls.cs", """
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            public static class Tls
            {
                public static bool AcceptAll(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task CallbackFromConfigurationFlag_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var trustAll = builder.Configuration.GetValue<bool>("Backend:TrustAllCertificates");
            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, errors) => trustAll || errors == System.Net.Security.SslPolicyErrors.None };
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
