using System.Composition;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ApiGuard.CodeFixes.Rules.Secrets;

/// <summary>
/// Fixes AG0503 by reading the signing key from configuration (<c>Jwt:SigningKey</c>, or the key the code already reads): the
/// literal inside <c>Encoding.UTF8.GetBytes(…)</c> or <c>Convert.FromBase64String(…)</c> becomes the configuration read, and a
/// byte-array literal becomes <c>Encoding.UTF8.GetBytes(&lt;read&gt;)</c>. The shared work is in <see cref="CredentialFix"/>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedJwtSigningKeyCodeFixProvider))]
[Shared]
public sealed class HardcodedJwtSigningKeyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardcodedJwtSigningKey);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CredentialFix.RegisterAsync(context);
}
