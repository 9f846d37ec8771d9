using System.Composition;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ApiGuard.CodeFixes.Rules.Secrets;

/// <summary>
/// Fixes AG0501 and AG0502 by reading the credential from configuration (or the environment) under the key the analyzer derived
/// from the context, failing loudly when a required value is missing. The shared work is in <see cref="CredentialFix"/>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedCredentialCodeFixProvider))]
[Shared]
public sealed class HardcodedCredentialCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HardcodedCredential, RuleIds.DefaultCredential);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context) => CredentialFix.RegisterAsync(context);
}
