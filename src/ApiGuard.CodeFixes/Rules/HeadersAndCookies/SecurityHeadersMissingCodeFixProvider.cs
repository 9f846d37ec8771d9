using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.HeadersAndCookies;

/// <summary>
/// Fixes AG0701 by inserting a small inline middleware at the start of the pipeline (after the exception handler and HSTS) that
/// sets <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c>, <c>Referrer-Policy: no-referrer</c> and the CSP for
/// APIs <c>default-src 'none'; frame-ancestors 'none'</c>. An app that serves pages loosens the CSP afterwards.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecurityHeadersMissingCodeFixProvider))]
[Shared]
public sealed class SecurityHeadersMissingCodeFixProvider : CodeFixProvider
{
    /// <summary>The Content-Security-Policy the fix writes: nothing may load, nothing may frame (right for a JSON API).</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SecurityHeadersMissing);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (PipelineInsertionFix.HasPlan(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Add a middleware that sets security headers", ct => FixAsync(context.Document, diagnostic, ct), RuleIds.SecurityHeadersMissing + ".AddHeadersMiddleware"),
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

        var newLine = SyntaxText.NewLine(root);
        var statement = PipelineInsertionFix.App(diagnostic) + ".Use(async (context, next) =>" + newLine
            + "{" + newLine
            + "    context.Response.Headers.XContentTypeOptions = \"nosniff\";" + newLine
            + "    context.Response.Headers.XFrameOptions = \"DENY\";" + newLine
            + "    context.Response.Headers[\"Referrer-Policy\"] = \"no-referrer\";" + newLine
            + "    context.Response.Headers.ContentSecurityPolicy = \"" + ApiContentSecurityPolicy + "\";" + newLine
            + "    await next(context);" + newLine
            + "});";
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { statement });
        return editor.GetChangedDocument();
    }
}
