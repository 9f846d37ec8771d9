using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.Auth;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.Auth;

/// <summary>
/// Fixes AG0302 and AG0307: a validation flag set to false becomes <c>true</c>; an accept-all validator delegate is removed (its
/// initializer entry or its statement), or set to <c>null</c> where it cannot be removed, so the token handler's own check runs.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenValidationDisabledCodeFixProvider))]
[Shared]
public sealed class TokenValidationDisabledCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.TokenValidationDisabled, RuleIds.TokenClaimValidationDisabled);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not { } node
                || node.FirstAncestorOrSelf<AssignmentExpressionSyntax>() is not { } assignment
                || assignment.Span != diagnostic.Location.SourceSpan
                || !diagnostic.Properties.TryGetValue(TokenValidationDisabledAnalyzer.FixProperty, out var fix))
            {
                continue;
            }

            var name = (assignment.Left as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText
                ?? (assignment.Left as IdentifierNameSyntax)?.Identifier.ValueText
                ?? "the check";
            if (fix == TokenValidationDisabledAnalyzer.SetTrue)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Set " + name + " to true", ct => SetTrueAsync(context.Document, assignment, ct), diagnostic.Id + ".SetTrue"),
                    diagnostic);
            }
            else if (fix == TokenValidationDisabledAnalyzer.RemoveDelegate)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the " + name, ct => RemoveAsync(context.Document, assignment, ct), diagnostic.Id + ".RemoveDelegate"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> SetTrueAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(assignment.Right, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(assignment.Right));
        return editor.GetChangedDocument();
    }

    private static async Task<Document> RemoveAsync(Document document, AssignmentExpressionSyntax assignment, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        switch (assignment.Parent)
        {
            case InitializerExpressionSyntax:
                editor.RemoveNode(assignment, SyntaxRemoveOptions.KeepNoTrivia);
                break;

            case ExpressionStatementSyntax statement when statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax:
                PipelineInsertionFix.Remove(editor, statement);
                break;

            default:
                // An expression-bodied lambda (`options => options.TokenValidationParameters.SignatureValidator = ...`): null restores
                // the handler's own validation without changing the shape of the code.
                editor.ReplaceNode(assignment.Right, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(assignment.Right));
                break;
        }

        return editor.GetChangedDocument();
    }
}
