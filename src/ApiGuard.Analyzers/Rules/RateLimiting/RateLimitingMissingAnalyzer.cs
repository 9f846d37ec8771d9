using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.RateLimiting;

/// <summary>
/// AG0601: an app that maps endpoints has no rate limiter at all (neither <c>AddRateLimiter</c> nor <c>UseRateLimiter</c>, nor a
/// third-party limiter such as AspNetCoreRateLimit) outside Development, so one client can send unlimited requests: brute force,
/// scraping, and exhaustion of CPU, memory, connections or paid downstream services. Reported once per app, on <c>builder.Build()</c>
/// (or <c>WebApplication.Create()</c>, or <c>Startup.Configure</c>'s name). One half without the other is AG0602.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimitingMissingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: <see cref="MissingKind"/> when the app has no limiter, <see cref="DevelopmentOnlyKind"/> when it has one only in Development.</summary>
    public const string KindProperty = "Kind";

    public const string MissingKind = "Missing";

    public const string DevelopmentOnlyKind = "DevelopmentOnly";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.RateLimitingMissing,
        title: "Limit the rate of requests to the API",
        messageFormat: "No rate limiting: {0}",
        description: "Without a rate limiter one client can send as many requests as it likes: it can guess passwords and tokens, scrape data, "
            + "and exhaust CPU, memory, database connections or paid downstream services. Register a limiter with AddRateLimiter(...) and add "
            + "app.UseRateLimiter() to the pipeline.",
        RuleArea.RateLimiting,
        DiagnosticSeverity.Warning,
        cwe: 770,
        owasp: "API4",
        hasCodeFix: true);

    internal const string MissingMessage = "the app maps endpoints but never calls AddRateLimiter() or UseRateLimiter()";

    internal const string DevelopmentOnlyMessage = "the app maps endpoints but sets up its rate limiter only in Development";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            var options = start.Options.AnalyzerConfigOptionsProvider;
            if (!types.IsAspNetCoreApp
                || !RateLimiterModel.IsAvailable(types)
                || ApiGuardOptions.SkipCompilation(options)
                || ApiGuardOptions.RateLimitingEnforcedExternally.Read(options.GlobalOptions))
            {
                return;
            }

            var provider = AppModelProvider.GetOrCreate(start.Compilation);
            start.RegisterOperationBlockAction(context => Analyze(context, provider, types, options));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, AppModelProvider provider, KnownTypes types, AnalyzerConfigOptionsProvider options)
    {
        if (!AppEntry.CanBeEntry(context.OwningSymbol)
            || provider.AppWithEntry(context.OwningSymbol, context.CancellationToken) is not { IsIncomplete: false, IsDevelopmentOnly: false } app
            || app.AnchorSyntax.SyntaxTree != context.OperationBlocks[0].Syntax.SyntaxTree
            || ApiGuardOptions.RateLimitingEnforcedExternally.Read(options.GetOptions(app.AnchorSyntax.SyntaxTree))
            || !app.EndpointMappings.Any(m => m.RunsOutsideDevelopment))
        {
            return;
        }

        var model = app.RateLimiter;
        if (model.ThirdPartyLimiters.Any(RateLimiterModel.MayRunOutsideDevelopment)
            || model.AddRateLimiter.Any(RateLimiterModel.MayRunOutsideDevelopment)
            || model.UseRateLimiter.Any(RateLimiterModel.MayRunOutsideDevelopment))
        {
            // A limiter runs outside Development (or may: an unclassified guard). Half of one is AG0602's business.
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var locations = new List<Location>();
        if (!model.AddRateLimiter.IsEmpty || !model.UseRateLimiter.IsEmpty)
        {
            // Only in Development: moving the calls out of the guard is the user's decision, so no fix.
            properties[KindProperty] = DevelopmentOnlyKind;
            context.ReportDiagnostic(Diagnostic.Create(Rule, app.Anchor, locations, properties.ToImmutable(), DevelopmentOnlyMessage));
            return;
        }

        properties[KindProperty] = MissingKind;
        var tree = app.AnchorSyntax.SyntaxTree;
        var hasPlan = PipelineInsertion.TryPlanServices(app, properties, locations, context.CancellationToken)
            && RateLimiterPlacement.TryPlanUseRateLimiter(app, properties, locations)
            && locations.All(l => l.SourceTree == tree);
        if (!hasPlan)
        {
            properties.Clear();
            properties[KindProperty] = MissingKind;
            locations.Clear();
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, app.Anchor, locations, properties.ToImmutable(), MissingMessage));
    }
}
