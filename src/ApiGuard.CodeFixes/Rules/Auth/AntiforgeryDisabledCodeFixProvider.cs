using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.Auth;

/// <summary>
/// Fixes AG0304 by removing the opt-out: the <c>[IgnoreAntiforgeryToken]</c> attribute (with its brackets when it is alone in them),
/// or the <c>.DisableAntiforgery()</c> call from the endpoint's chain.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AntiforgeryDisabledCodeFixProvider))]
[Shared]
public sealed class AntiforgeryDisabledCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AntiforgeryDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node?.FirstAncestorOrSelf<AttributeSyntax>() is { } attribute)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove [IgnoreAntiforgeryToken]", ct => RemoveAttributeAsync(context.Document, attribute, ct), RuleIds.AntiforgeryDisabled + ".RemoveOptOut"),
                    diagnostic);
            }
            else if (node is SimpleNameSyntax { Parent: MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } member } name && member.Name == name)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove DisableAntiforgery()", ct => RemoveCallAsync(context.Document, invocation, member, ct), RuleIds.AntiforgeryDisabled + ".RemoveOptOut"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> RemoveAttributeAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (attribute.Parent is AttributeListSyntax { Attributes.Count: 1 } list)
        {
            editor.RemoveNode(list, SyntaxRemoveOptions.KeepNoTrivia);
        }
        else
        {
            editor.RemoveNode(attribute);
        }

        return editor.GetChangedDocument();
    }

    private static async Task<Document> RemoveCallAsync(Document document, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax member, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null
            ? document
            : document.WithSyntaxRoot(root.ReplaceNode(invocation, member.Expression.WithTrailingTrivia(invocation.GetTrailingTrivia())));
    }
}
