using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.CertificateValidationDisabledAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.CertificateValidationDisabledCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0103CertificateValidationDisabledTests
{
    [Fact]
    public Task Fix_AssignmentStatement_RemovesIt()
        => VerifyCS.VerifyCodeFixAsync("""
            var handler = new HttpClientHandler();
            handler.ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) => true|};
            var client = new HttpClient(handler);
            """, """
            var handler = new HttpClientHandler();
            var client = new HttpClient(handler);
            """);

    [Fact]
    public Task Fix_InitializerMember_RemovesIt()
        => VerifyCS.VerifyCodeFixAsync("""
            var handler = new HttpClientHandler
            {
                UseCookies = false,
                ServerCertificateCustomValidationCallback = {|AG0103:HttpClientHandler.DangerousAcceptAnyServerCertificateValidator|},
            };
            """, """
            var handler = new HttpClientHandler
            {
                UseCookies = false,
            };
            """);

    [Fact]
    public Task Fix_SslStreamLastArgument_RemovesIt()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net.Security;

            static SslStream Open(Stream inner) => new SslStream(inner, false, {|AG0103:(_, _, _, _) => true|});
            """, """
            using System.Net.Security;

            static SslStream Open(Stream inner) => new SslStream(inner, false);
            """);

    [Fact]
    public Task Fix_SslStreamMiddleArgument_BecomesNull()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net.Security;

            static SslStream Open(Stream inner) => new SslStream(inner, false, {|AG0103:(_, _, _, _) => true|}, (_, _, certificates, _, _) => certificates[0]);
            """, """
            using System.Net.Security;

            static SslStream Open(Stream inner) => new SslStream(inner, false, null, (_, _, certificates, _, _) => certificates[0]);
            """);

    [Fact]
    public Task Fix_ExpressionBodiedLambda_BecomesEmptyBlock()
        => VerifyCS.VerifyCodeFixAsync("""
            var configure = new Action<HttpClientHandler>(h => h.ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) => true|});
            """, """
            var configure = new Action<HttpClientHandler>(h => { });
            """);

    [Fact]
    public Task FixAll_TwoHandlers_RemovesBoth()
        => VerifyCS.VerifyCodeFixAsync("""
            var first = new HttpClientHandler();
            first.ServerCertificateCustomValidationCallback = {|AG0103:(_, _, _, _) => true|};
            var second = new SocketsHttpHandler();
            second.SslOptions.RemoteCertificateValidationCallback = {|AG0103:delegate { return true; }|};
            using var client = new HttpClient(second);
            """, """
            var first = new HttpClientHandler();
            var second = new SocketsHttpHandler();
            using var client = new HttpClient(second);
            """);
}
