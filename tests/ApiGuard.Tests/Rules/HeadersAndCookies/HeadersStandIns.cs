using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

/// <summary>
/// Stand-ins, with the real namespaces and names, for the security headers libraries AG0701 knows: NetEscapades.AspNetCore.SecurityHeaders
/// (as source) and NWebsec.AspNetCore.Middleware (as a reference with the real assembly name, which is how it is recognised).
/// </summary>
internal static class HeadersStandIns
{
    public const string NetEscapades = """
        namespace NetEscapades.AspNetCore.SecurityHeaders
        {
            public class HeaderPolicyCollection
            {
                public HeaderPolicyCollection AddDefaultSecurityHeaders() => this;
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public static class SecurityHeadersMiddlewareExtensions
            {
                public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app;

                public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, System.Action<NetEscapades.AspNetCore.SecurityHeaders.HeaderPolicyCollection> configure) => app;
            }
        }
        """;

    private const string NWebsecSource = """
        namespace NWebsec.AspNetCore.Middleware
        {
            public interface IFluentXFrameOptions
            {
                void Deny();
            }
        }

        namespace Microsoft.AspNetCore.Builder
        {
            public static class ApplicationBuilderExtensions
            {
                public static IApplicationBuilder UseXContentTypeOptions(this IApplicationBuilder app) => app;

                public static IApplicationBuilder UseXfo(this IApplicationBuilder app, System.Action<NWebsec.AspNetCore.Middleware.IFluentXFrameOptions> configurer) => app;
            }
        }
        """;

    private static readonly Lazy<MetadataReference> NWebsecReference = new(() =>
    {
        var library = CSharpCompilation.Create(
            "NWebsec.AspNetCore.Middleware",
            new[] { CSharpSyntaxTree.ParseText(NWebsecSource, new CSharpParseOptions(LanguageVersion.CSharp12)) },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = library.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    });

    /// <summary>A compiled NWebsec.AspNetCore.Middleware stand-in (<c>UseXContentTypeOptions</c>, <c>UseXfo</c>).</summary>
    public static MetadataReference NWebsec => NWebsecReference.Value;
}
