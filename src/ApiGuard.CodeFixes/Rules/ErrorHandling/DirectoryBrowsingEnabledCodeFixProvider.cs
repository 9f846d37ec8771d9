using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Fixes AG0405 by removing the call or the assignment (see <see cref="SettingRemoval"/>). Where removing it would not compile, or
/// would take other behaviour along (<c>UseFileServer(enableDirectoryBrowsing: true)</c> also serves static files), the value
/// becomes <c>false</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DirectoryBrowsingEnabledCodeFixProvider))]
[Shared]
public sealed class DirectoryBrowsingEnabledCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DirectoryBrowsingEnabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var setting = (ExpressionSyntax?)node?.AncestorsAndSelf().FirstOrDefault(n => n is AssignmentExpressionSyntax or InvocationExpressionSyntax);
            if (setting is AssignmentExpressionSyntax
                || (setting is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseFileServer" } }))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Turn it off", ct => FixAsync(context.Document, diagnostic, ct), RuleIds.DirectoryBrowsingEnabled + ".Remove"),
                    diagnostic);
            }
            else if (setting is InvocationExpressionSyntax && root is not null && model is not null && SettingRemoval.Remove(root, setting, model) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the call", ct => FixAsync(context.Document, diagnostic, ct), RuleIds.DirectoryBrowsingEnabled + ".Remove"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var setting = (ExpressionSyntax?)node?.AncestorsAndSelf().FirstOrDefault(n => n is AssignmentExpressionSyntax or InvocationExpressionSyntax);
        if (root is null || model is null || setting is null)
        {
            return document;
        }

        if (setting is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "UseFileServer" } } fileServer)
        {
            // Only the directory browsing goes: the call also serves static files and default documents.
            var argument = fileServer.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "enableDirectoryBrowsing")
                ?? fileServer.ArgumentList.Arguments.FirstOrDefault();
            return argument is null ? document : document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, False(argument.Expression)));
        }

        if (SettingRemoval.Remove(root, setting, model) is { } removed)
        {
            return document.WithSyntaxRoot(removed);
        }

        return setting is AssignmentExpressionSyntax assignment
            ? document.WithSyntaxRoot(root.ReplaceNode(assignment.Right, False(assignment.Right)))
            : document;
    }

    private static ExpressionSyntax False(SyntaxNode replaced)
        => SyntaxFactory.LiteralExpression(SyntaxKind.FalseLiteralExpression).WithTriviaFrom(replaced);
}
