using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.ErrorHandling;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

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

    private static Task<Document> FixAsync(Document document, Diagnostic diagnostic, bool addHandler, CancellationToken cancellationToken)
        => DevelopmentGuardFix.ApplyAsync(document, diagnostic, addHandler ? Handler(diagnostic) : null, cancellationToken);

    private static string Handler(Diagnostic diagnostic) => PipelineInsertionFix.App(diagnostic) + ".UseExceptionHandler(\"" + ErrorPath + "\");";
}
