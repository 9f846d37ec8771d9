using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Rules.Transport;

/// <summary>
/// Fixes AG0104 by removing the <c>RequireHttpsMetadata</c> assignment (statement, object initializer member, or the body of an
/// expression-bodied options lambda), so the handler's default, <c>true</c>, applies again.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpsMetadataDisabledCodeFixProvider))]
[Shared]
public sealed class HttpsMetadataDisabledCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpsMetadataDisabled);

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
            if (Find(root, diagnostic) is { } assignment && SettingRemoval.Remove(root, assignment, model) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Remove RequireHttpsMetadata (defaults to true)",
                        ct => FixAsync(context.Document, diagnostic, ct),
                        RuleIds.HttpsMetadataDisabled + ".Remove"),
                    diagnostic);
            }
        }
    }

    private static AssignmentExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Span == span);
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && model is not null && Find(root, diagnostic) is { } assignment && SettingRemoval.Remove(root, assignment, model) is { } removed
            ? document.WithSyntaxRoot(removed)
            : document;
    }
}
