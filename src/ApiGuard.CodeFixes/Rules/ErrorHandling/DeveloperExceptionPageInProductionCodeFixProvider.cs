using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.ErrorHandling;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Fixes AG0401 by running the developer page only in Development: in the app's entry body the call moves into the existing
/// <c>if (…IsDevelopment())</c> branch before it, or into a new guard; in a helper it is wrapped in place. A second fix also adds
/// <c>UseExceptionHandler("/error")</c> on the other branch when the app has no production error handler.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeveloperExceptionPageInProductionCodeFixProvider))]
[Shared]
public sealed class DeveloperExceptionPageInProductionCodeFixProvider : CodeFixProvider
{
    /// <summary>The path the added exception handler re-executes; the app must map it (the rule page says so).</summary>
    public const string ErrorPath = "/error";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DeveloperExceptionPageInProduction);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.ContainsKey(DeveloperExceptionPageInProductionAnalyzer.StatementProperty))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Run only in Development", ct => FixAsync(context.Document, diagnostic, addHandler: false, ct), RuleIds.DeveloperExceptionPageInProduction + ".GuardWithIsDevelopment"),
                diagnostic);

            if (diagnostic.Properties.ContainsKey(DeveloperExceptionPageInProductionAnalyzer.NoProductionHandlerProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Run only in Development, and use UseExceptionHandler(\"" + ErrorPath + "\") elsewhere",
                        ct => FixAsync(context.Document, diagnostic, addHandler: true, ct),
                        RuleIds.DeveloperExceptionPageInProduction + ".GuardAndAddExceptionHandler"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, bool addHandler, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || PipelineInsertionFix.FindStatement(root, diagnostic, DeveloperExceptionPageInProductionAnalyzer.StatementProperty) is not { } statement)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var newLine = SyntaxText.NewLine(root);
        var call = statement.WithoutTrivia().ToFullString();
        if (diagnostic.Properties.TryGetValue(DeveloperExceptionPageInProductionAnalyzer.WrapConditionProperty, out var condition) && condition is not null)
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
            if (addHandler)
            {
                text += "else" + newLine + "{" + newLine + Handler(diagnostic) + newLine + "}" + newLine;
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
            PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { call }, addHandler ? new[] { Handler(diagnostic) } : null);
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null
            ? editor.GetChangedDocument()
            : await UsingDirectives.EnsureHostingAsync(editor.GetChangedDocument(), model, statement.SpanStart, cancellationToken).ConfigureAwait(false);
    }

    private static string Handler(Diagnostic diagnostic) => PipelineInsertionFix.App(diagnostic) + ".UseExceptionHandler(\"" + ErrorPath + "\");";
}
