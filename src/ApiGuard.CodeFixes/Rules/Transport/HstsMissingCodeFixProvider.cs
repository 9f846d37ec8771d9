using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.Transport;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.Transport;

/// <summary>
/// Fixes AG0101 by calling <c>app.UseHsts()</c> on the non-development path, before HTTPS redirection and the endpoints: in the
/// existing <c>if (!app.Environment.IsDevelopment())</c> block or <c>else</c> branch when there is one, else in a new guard. A
/// <c>UseHsts()</c> that ran only in Development moves there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HstsMissingCodeFixProvider))]
[Shared]
public sealed class HstsMissingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HstsMissing);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (PipelineInsertionFix.HasPlan(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Call UseHsts() outside Development", ct => FixAsync(context.Document, diagnostic, ct), RuleIds.HstsMissing + ".UseHsts"),
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
        if (PipelineInsertionFix.FindStatement(root, diagnostic, HstsMissingAnalyzer.RemoveLocationProperty) is { } devOnly)
        {
            PipelineInsertionFix.Remove(editor, devOnly);
        }

        PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { PipelineInsertionFix.App(diagnostic) + ".UseHsts();" });
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null || !diagnostic.Properties.ContainsKey(ApiGuard.Analyzers.AppModel.PipelineInsertion.ConditionKey)
            ? editor.GetChangedDocument()
            : await UsingDirectives.EnsureHostingAsync(editor.GetChangedDocument(), model, diagnostic.AdditionalLocations[diagnostic.AdditionalLocations.Count - 1].SourceSpan.Start, cancellationToken).ConfigureAwait(false);
    }
}
