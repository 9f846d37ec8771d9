using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ApiGuard.CodeFixes.Rules.Transport;

/// <summary>
/// Fixes AG0103 by removing the callback that accepts every certificate, so the platform's default validation (a trusted chain, a
/// matching host name, a valid date) applies again: the assignment statement, the object initializer member, or the
/// <c>SslStream</c> constructor argument.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationDisabledCodeFixProvider))]
[Shared]
public sealed class CertificateValidationDisabledCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CertificateValidationDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (SettingRemoval.FindByValue(root, diagnostic.Location.SourceSpan) is { } node && SettingRemoval.Remove(root, node, model) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove the callback and validate certificates",
                        ct => FixAsync(context.Document, diagnostic, ct),
                        RuleIds.CertificateValidationDisabled + ".RemoveCallback"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && model is not null && SettingRemoval.FindByValue(root, diagnostic.Location.SourceSpan) is { } node
            && SettingRemoval.Remove(root, node, model) is { } removed
            ? document.WithSyntaxRoot(removed)
            : document;
    }
}
