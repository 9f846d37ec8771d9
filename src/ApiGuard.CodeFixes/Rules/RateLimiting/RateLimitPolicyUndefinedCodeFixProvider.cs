using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.RateLimiting;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.RateLimiting;

/// <summary>
/// Fixes AG0603 by registering the missing policy as a fixed-window skeleton with the default limits,
/// <c>options.AddFixedWindowLimiter("name", limiter =&gt; { … });</c>, in the compilation's only <c>AddRateLimiter</c> options
/// lambda. Offered only when there is exactly one such lambda and it is in the same document as the endpoint; otherwise where the
/// policy belongs is the user's call.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateLimitPolicyUndefinedCodeFixProvider))]
[Shared]
public sealed class RateLimitPolicyUndefinedCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RateLimitPolicyUndefined);

    /// <summary>All missing names of a document go into the lambda in one edit, each once.</summary>
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics.Where(HasFix), context.CancellationToken));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics.Where(HasFix))
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Register a fixed-window rate-limit policy with this name",
                    ct => FixAsync(context.Document, new[] { diagnostic }, ct)!,
                    RuleIds.RateLimitPolicyUndefined + ".AddPolicy"),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static bool HasFix(Diagnostic diagnostic)
        => diagnostic.AdditionalLocations.Count == 1
            && diagnostic.Properties.ContainsKey(RateLimitPolicyUndefinedAnalyzer.OptionsParameterProperty)
            && diagnostic.Properties.TryGetValue(RateLimitPolicyUndefinedAnalyzer.PolicyNameProperty, out var name) && name is not null;

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
        foreach (var group in diagnostics.GroupBy(d => d.AdditionalLocations[0]))
        {
            if (LambdaBodies.Find(root, group.Key) is not { } lambda)
            {
                continue;
            }

            var options = group.First().Properties[RateLimitPolicyUndefinedAnalyzer.OptionsParameterProperty]!;
            var names = group.Select(d => d.Properties[RateLimitPolicyUndefinedAnalyzer.PolicyNameProperty]!).Distinct(StringComparer.Ordinal);
            var qualifiers = Qualifiers.At(model, lambda.SpanStart);
            LambdaBodies.Append(editor, lambda, names.Select(n => RateLimiterCode.PolicySkeleton(options, n, limits, qualifiers, newLine)).ToList(), newLine);
            needsUsing |= !UsingDirectives.IsInScope(model, lambda.SpanStart, RateLimiterCode.PoliciesNamespace, RateLimiterCode.PoliciesProbeType);
        }

        var changed = editor.GetChangedDocument();
        return needsUsing ? await UsingDirectives.AddAsync(changed, RateLimiterCode.PoliciesNamespace, cancellationToken).ConfigureAwait(false) : changed;
    }
}
