using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.Transport;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.Transport;

/// <summary>
/// Fixes AG0102 by calling <c>app.UseHttpsRedirection()</c> in every environment, after the exception handler and HSTS and before
/// static files, routing, authentication and the endpoints. A <c>UseHttpsRedirection()</c> that ran only in Development is removed
/// from its guard.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HttpsRedirectionMissingCodeFixProvider))]
[Shared]
public sealed class HttpsRedirectionMissingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HttpsRedirectionMissing);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (PipelineInsertionFix.HasPlan(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Call UseHttpsRedirection()",
                        ct => FixAsync(context.Document, diagnostic, ct),
                        RuleIds.HttpsRedirectionMissing + ".UseHttpsRedirection"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        if (PipelineInsertionFix.FindStatement(root, diagnostic, HttpsRedirectionMissingAnalyzer.RemoveLocationProperty) is { } devOnly)
        {
            PipelineInsertionFix.Remove(editor, devOnly);
        }

        var statement = PipelineInsertionFix.App(diagnostic) + ".UseHttpsRedirection();";
        if (diagnostic.Properties.TryGetValue(PipelineInsertion.ModeKey, out var mode) && mode == nameof(InsertionMode.Before)
            && !diagnostic.Properties.ContainsKey(PipelineInsertion.ConditionKey)
            && PipelineInsertionFix.FindStatement(root, diagnostic, PipelineInsertion.LocationKey) is { } target)
        {
            InsertBeforeKeepingBlankLine(editor, root, target, statement);
        }
        else
        {
            PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { statement });
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Inserts the call right before <paramref name="target"/>, and moves the blank lines that separated the target from the code
    /// above to the new call, so that the call joins the block it belongs to (the middleware that follows it).
    /// </summary>
    private static void InsertBeforeKeepingBlankLine(DocumentEditor editor, SyntaxNode root, StatementSyntax target, string statementText)
    {
        SyntaxNode node = target.Parent is GlobalStatementSyntax global ? global : target;
        var leading = node.GetLeadingTrivia();
        var split = 0;
        for (var i = 0; i < leading.Count && (leading[i].IsKind(SyntaxKind.WhitespaceTrivia) || leading[i].IsKind(SyntaxKind.EndOfLineTrivia)); i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                split = i + 1;
            }
        }

        var statement = SyntaxFactory.ParseStatement(statementText + SyntaxText.NewLine(root))
            .WithLeadingTrivia(leading.Take(split))
            .WithAdditionalAnnotations(Formatter.Annotation);
        SyntaxNode inserted = node is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(statement) : statement;
        editor.InsertBefore(node, inserted.WithAdditionalAnnotations(Formatter.Annotation));
        editor.ReplaceNode(node, (current, _) => current.WithLeadingTrivia(current.GetLeadingTrivia().Skip(split)));
    }
}
