using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Rules.ErrorHandling;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Carries out a <see cref="DevelopmentOnlyPlan"/> (AG0401, AG0404): wraps the statement in place in the planned condition, or
/// moves it into the app's development branch (an existing one before it, or a new <c>if (…IsDevelopment())</c> guard).
/// </summary>
internal static class DevelopmentGuardFix
{
    /// <summary>Whether the diagnostic carries a plan.</summary>
    public static bool HasPlan(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(DevelopmentOnlyPlan.StatementProperty);

    /// <summary>Applies the plan; <paramref name="otherBranch"/> (a statement) goes on the branch that runs outside Development, when the plan makes or finds one.</summary>
    public static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, string? otherBranch, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || PipelineInsertionFix.FindStatement(root, diagnostic, DevelopmentOnlyPlan.StatementProperty) is not { } statement)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = SyntaxText.NewLine(root);
        var call = statement.WithoutTrivia().ToFullString();
        if (diagnostic.Properties.TryGetValue(DevelopmentOnlyPlan.WrapConditionProperty, out var condition) && condition is not null)
        {
            // A helper: wrap the call where it is.
            var wrapped = SyntaxFactory.ParseStatement("if (" + condition + ")" + newLine + "{" + newLine + call + newLine + "}" + newLine);
            editor.ReplaceNode(statement, wrapped.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation));
        }
        else if (PipelineInsertionFix.FindStatement(root, diagnostic, PipelineInsertion.LocationKey) is { } target && target == statement
            && diagnostic.Properties.TryGetValue(PipelineInsertion.ConditionKey, out var guard) && guard is not null)
        {
            // The call is a statement of the entry body with no development branch before it: wrap it in a new guard.
            var text = "if (" + guard + ")" + newLine + "{" + newLine + call + newLine + "}" + newLine;
            if (otherBranch is not null)
            {
                text += "else" + newLine + "{" + newLine + otherBranch + newLine + "}" + newLine;
            }

            var wrapped = SyntaxFactory.ParseStatement(text);
            editor.ReplaceNode(statement, wrapped.WithLeadingTrivia(statement.GetLeadingTrivia()).WithTrailingTrivia(statement.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation));
            if (diagnostic.Properties.ContainsKey(PipelineInsertion.AddEnvironmentParameterKey))
            {
                PipelineInsertionFix.AddEnvironmentParameter(editor, statement);
            }
        }
        else
        {
            // Move the call into the development branch the plan names (or a new guard before the statement that held it).
            PipelineInsertionFix.Remove(editor, statement);
            PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { call }, otherBranch is null ? null : new[] { otherBranch });
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null
            ? editor.GetChangedDocument()
            : await UsingDirectives.EnsureHostingAsync(editor.GetChangedDocument(), model, statement.SpanStart, cancellationToken).ConfigureAwait(false);
    }
}
