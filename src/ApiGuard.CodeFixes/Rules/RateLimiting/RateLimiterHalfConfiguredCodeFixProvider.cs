using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.RateLimiting;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.RateLimiting;

/// <summary>
/// Fixes AG0602 by adding the missing half: <c>app.UseRateLimiter()</c> after routing, CORS, authentication and authorization (a
/// development-only call moves there); <c>AddRateLimiter(...)</c> with the default global limiter where the app registers its
/// services; or a <c>GlobalLimiter</c> (and a 429 <c>RejectionStatusCode</c> when none is set) in the <c>AddRateLimiter</c> options lambda.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateLimiterHalfConfiguredCodeFixProvider))]
[Shared]
public sealed class RateLimiterHalfConfiguredCodeFixProvider : CodeFixProvider
{
    private const string UseRateLimiterKey = RuleIds.RateLimiterHalfConfigured + ".UseRateLimiter";
    private const string AddRateLimiterKey = RuleIds.RateLimiterHalfConfigured + ".AddRateLimiter";
    private const string GlobalLimiterKey = RuleIds.RateLimiterHalfConfigured + ".GlobalLimiter";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RateLimiterHalfConfigured);

    /// <summary>All fixes of one kind in a document go through one editor, so that a shared insertion or <c>using</c> is made once.</summary>
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) =>
            FixAsync(document, diagnostics.Where(d => EquivalenceKey(d) == context.CodeActionEquivalenceKey), context.CancellationToken));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var title = EquivalenceKey(diagnostic) switch
            {
                UseRateLimiterKey => "Call UseRateLimiter()",
                AddRateLimiterKey => "Register the rate limiter (AddRateLimiter)",
                GlobalLimiterKey => "Add a global rate limiter",
                _ => null,
            };

            if (title is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(title, ct => FixAsync(context.Document, new[] { diagnostic }, ct)!, EquivalenceKey(diagnostic)), diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The fix a diagnostic offers, or null when it carries no fix data.</summary>
    private static string? EquivalenceKey(Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(RateLimiterHalfConfiguredAnalyzer.KindProperty, out var kind);
        return kind switch
        {
            RateLimiterHalfConfiguredAnalyzer.NoMiddlewareKind when PipelineInsertionFix.HasPlan(diagnostic) => UseRateLimiterKey,
            RateLimiterHalfConfiguredAnalyzer.NoServicesKind when PipelineInsertionFix.HasServicesPlan(diagnostic) => AddRateLimiterKey,
            RateLimiterHalfConfiguredAnalyzer.NoLimiterKind when diagnostic.Properties.ContainsKey(RateLimiterHalfConfiguredAnalyzer.LambdaLocationProperty) => GlobalLimiterKey,
            _ => null,
        };
    }

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
        var done = new HashSet<Location>();
        var needsUsing = false;
        foreach (var diagnostic in diagnostics)
        {
            switch (EquivalenceKey(diagnostic))
            {
                // Two registrations in one app share one plan: insert once.
                case UseRateLimiterKey when done.Add(PlanLocation(diagnostic, PipelineInsertion.LocationKey)):
                    if (PipelineInsertionFix.FindStatement(root, diagnostic, RateLimiterHalfConfiguredAnalyzer.RemoveLocationProperty) is { } devOnly)
                    {
                        PipelineInsertionFix.Remove(editor, devOnly);
                    }

                    PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { PipelineInsertionFix.App(diagnostic) + ".UseRateLimiter();" });
                    break;

                case AddRateLimiterKey when done.Add(PlanLocation(diagnostic, PipelineInsertion.ServicesLocationKey)):
                    var names = Qualifiers.At(model, diagnostic.Location.SourceSpan.Start);
                    PipelineInsertionFix.ApplyServices(editor, root, diagnostic, new[] { RateLimiterCode.AddRateLimiter(PipelineInsertionFix.Services(diagnostic), limits, names, newLine) });
                    needsUsing |= !UsingDirectives.IsInScope(model, diagnostic.Location.SourceSpan.Start, RateLimiterCode.LimitersNamespace, RateLimiterCode.LimitersProbeType);
                    break;

                case GlobalLimiterKey when done.Add(PlanLocation(diagnostic, RateLimiterHalfConfiguredAnalyzer.LambdaLocationProperty)):
                    if (LambdaBodies.Find(root, PlanLocation(diagnostic, RateLimiterHalfConfiguredAnalyzer.LambdaLocationProperty)) is { } lambda
                        && LambdaBodies.ParameterName(lambda) is { } options)
                    {
                        var withStatusCode = diagnostic.Properties.TryGetValue(RateLimiterHalfConfiguredAnalyzer.AddRejectionStatusCodeProperty, out var add) && add == "true";
                        LambdaBodies.Append(editor, lambda, RateLimiterCode.GlobalLimiter(options, withStatusCode, limits, Qualifiers.At(model, lambda.SpanStart), newLine), newLine);
                        needsUsing |= !UsingDirectives.IsInScope(model, lambda.SpanStart, RateLimiterCode.LimitersNamespace, RateLimiterCode.LimitersProbeType);
                    }

                    break;
            }
        }

        var changed = editor.GetChangedDocument();
        return needsUsing ? await UsingDirectives.AddAsync(changed, RateLimiterCode.LimitersNamespace, cancellationToken).ConfigureAwait(false) : changed;
    }

    private static Location PlanLocation(Diagnostic diagnostic, string key)
        => diagnostic.Properties.TryGetValue(key, out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            && index < diagnostic.AdditionalLocations.Count
                ? diagnostic.AdditionalLocations[index]
                : Location.None;
}
