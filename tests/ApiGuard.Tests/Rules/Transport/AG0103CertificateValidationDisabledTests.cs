using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.CertificateValidationDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.CertificateValidationDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0103CertificateValidationDisabledTests
{
    [Fact]
    public Task HandlerCallback_LambdaReturningTrue_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = {|#0:(message, certificate, chain, errors) => true|};
            """,
            VerifyCS.Diagnostic("AG0103").WithLocation(0).WithArguments("HttpClientHandler.ServerCertificateCustomValidationCallback"));

    [Fact]
    public Task HandlerCallback_InObjectInitializer_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var client = new HttpClient(new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = {|AG0103:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
            });
            """);

    [Fact]
    public Task HandlerCallback_BlockReturningTrue_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) =>
            {
                return true;
            }|};
            """);

    [Fact]
    public Task HandlerCallback_ConstantTrue_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) => Tls.AcceptAll|};

            static class Tls
            {
                public const bool AcceptAll = true;
            }
            """);

    [Fact]
    public Task SocketsHandlerSslOptions_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = {|#0:delegate { return true; }|};
            """,
            VerifyCS.Diagnostic("AG0103").WithLocation(0).WithArguments("SslClientAuthenticationOptions.RemoteCertificateValidationCallback"));

    [Fact]
    public Task SslClientAuthenticationOptions_Initializer_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;

            var handler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = {|AG0103:(_, _, _, _) => true|} },
            };
            """);

    [Fact]
    public Task ServicePointManager_MethodGroup_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            #pragma warning disable SYSLIB0014
            ServicePointManager.ServerCertificateValidationCallback = {|#0:AcceptAll|};
            #pragma warning restore SYSLIB0014

            static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
            """,
            VerifyCS.Diagnostic("AG0103").WithLocation(0).WithArguments("ServicePointManager.ServerCertificateValidationCallback"));

    [Fact]
    public Task ServicePointManager_CompoundAssignmentOfMethod_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            public static class Tls
            {
                public static void Configure()
                {
            #pragma warning disable SYSLIB0014
                    ServicePointManager.ServerCertificateValidationCallback += {|AG0103:Accept|};
            #pragma warning restore SYSLIB0014
                }

                private static bool Accept(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
                {
                    return true;
                }
            }
            """);

    [Fact]
    public Task SslStream_ConstructorCallback_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;

            static SslStream Open(Stream inner) => new SslStream(inner, false, {|#0:(_, _, _, _) => true|});
            """,
            VerifyCS.Diagnostic("AG0103").WithLocation(0).WithArguments("new SslStream(...)"));

    [Fact]
    public Task LambdaInLocal_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            Func<HttpRequestMessage, System.Security.Cryptography.X509Certificates.X509Certificate2?, System.Security.Cryptography.X509Certificates.X509Chain?, System.Net.Security.SslPolicyErrors, bool> acceptAll = (_, _, _, _) => true;
            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|AG0103:acceptAll|} };
            """);

    [Fact]
    public Task LocalFunction_ReturningTrue_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net.Security;
            using System.Security.Cryptography.X509Certificates;

            var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = {|AG0103:Accept|} };

            bool Accept(HttpRequestMessage message, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
            {
                Console.WriteLine(errors);
                return true;
            }
            """);

    [Fact]
    public Task InsideNotDevelopment_HttpClientFactory_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (!builder.Environment.IsDevelopment())
            {
                builder.Services.AddHttpClient("backend").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) => true|},
                });
            }

            builder.Build().Run();
            """);

    [Fact]
    public Task PlainConsoleProject_Reports()
    {
        var test = VerifyCS.Create("""
            using System;
            using System.Net.Http;

            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) => true|};
            Console.WriteLine(handler);
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }
}
