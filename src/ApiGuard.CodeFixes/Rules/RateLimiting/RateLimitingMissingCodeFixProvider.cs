using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.RateLimiting;

/// <summary>
/// Fixes AG0601 by registering a global rate limiter (<c>AddRateLimiter</c> with a fixed window per client: the user's name, else
/// the remote IP address, and 429 for rejected requests) where the app registers its services, and calling
/// <c>app.UseRateLimiter()</c> after routing, CORS, authentication and authorization, before the endpoints. Adds
/// <c>using System.Threading.RateLimiting;</c> when it is missing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateLimitingMissingCodeFixProvider))]
[Shared]
public sealed class RateLimitingMissingCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RateLimitingMissing);

    /// <summary>All fixes of a document go through one editor: each adds the same <c>using</c>, which a batch merge would drop as a conflict.</summary>
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics.Where(HasPlan), context.CancellationToken));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics.Where(HasPlan))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Add a rate limiter (AddRateLimiter and UseRateLimiter)",
                    ct => FixAsync(context.Document, new[] { diagnostic }, ct)!,
                    RuleIds.RateLimitingMissing + ".AddRateLimiter"),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static bool HasPlan(Diagnostic diagnostic) => PipelineInsertionFix.HasPlan(diagnostic) && PipelineInsertionFix.HasServicesPlan(diagnostic);

    private static async Task<Document?> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var limits = RateLimiterCode.Limits(document, root.SyntaxTree);
        var newLine = SyntaxText.NewLine(root);
        var needsUsing = false;
        foreach (var diagnostic in diagnostics)
        {
            var names = Qualifiers.At(model, diagnostic.Location.SourceSpan.Start);
            PipelineInsertionFix.ApplyServices(editor, root, diagnostic, new[] { RateLimiterCode.AddRateLimiter(PipelineInsertionFix.Services(diagnostic), limits, names, newLine) });
            PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { PipelineInsertionFix.App(diagnostic) + ".UseRateLimiter();" });
            needsUsing |= !UsingDirectives.IsInScope(model, diagnostic.Location.SourceSpan.Start, RateLimiterCode.LimitersNamespace, RateLimiterCode.LimitersProbeType);
        }

        var changed = editor.GetChangedDocument();
        return needsUsing ? await UsingDirectives.AddAsync(changed, RateLimiterCode.LimitersNamespace, cancellationToken).ConfigureAwait(false) : changed;
    }
}
