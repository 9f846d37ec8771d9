using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.Transport;

/// <summary>
/// AG0101: the app's pipeline has no <c>UseHsts()</c> on its non-development path (or only inside an <c>IsDevelopment()</c>
/// guard), so browsers are never told to refuse plain HTTP for the site, and the first request of every visit can be downgraded.
/// Reported once per app, on <c>builder.Build()</c> (or <c>WebApplication.Create()</c>, or <c>Startup.Configure</c>'s name).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HstsMissingAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: <see cref="MissingKind"/> when the app has no <c>UseHsts()</c>, <see cref="DevelopmentOnlyKind"/> when it runs only in Development.</summary>
    public const string KindProperty = "Kind";

    public const string MissingKind = "Missing";

    public const string DevelopmentOnlyKind = "DevelopmentOnly";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the development-only <c>UseHsts()</c> statement the fix moves.</summary>
    public const string RemoveLocationProperty = "Remove.Location";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.HstsMissing,
        title: "Enable HSTS outside Development",
        messageFormat: "HSTS is not enabled for production: {0}",
        description: "Without the Strict-Transport-Security header, browsers keep trying plain HTTP first, and an attacker on the network can "
            + "downgrade or intercept that request. Call app.UseHsts() on the non-development path of the pipeline.",
        RuleArea.Transport,
        DiagnosticSeverity.Warning,
        cwe: 319,
        owasp: "API8",
        hasCodeFix: true);

    internal const string MissingMessage = "the app never calls UseHsts() outside Development";

    internal const string DevelopmentOnlyMessage = "UseHsts() runs only in Development";

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
                || types.Get(KnownType.Microsoft_AspNetCore_Builder_HstsBuilderExtensions) is null
                || ApiGuardOptions.SkipCompilation(options)
                || ApiGuardOptions.HstsEnforcedExternally.Read(options.GlobalOptions))
            {
                return;
            }

            var provider = AppModelProvider.GetOrCreate(start.Compilation);
            start.RegisterOperationBlockAction(context => Analyze(context, provider, options));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, AppModelProvider provider, AnalyzerConfigOptionsProvider options)
    {
        if (!AppEntry.CanBeEntry(context.OwningSymbol)
            || provider.AppWithEntry(context.OwningSymbol, context.CancellationToken) is not { IsIncomplete: false, IsDevelopmentOnly: false } app
            || app.AnchorSyntax.SyntaxTree != context.OperationBlocks[0].Syntax.SyntaxTree
            || ApiGuardOptions.HstsEnforcedExternally.Read(options.GetOptions(app.AnchorSyntax.SyntaxTree)))
        {
            return;
        }

        var hsts = app.Calls(KnownType.Microsoft_AspNetCore_Builder_HstsBuilderExtensions, "UseHsts").ToList();
        if (hsts.Any(s => s.Guard is GuardKind.Always or GuardKind.NonDevelopmentOnly or GuardKind.Unknown))
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var locations = new List<Location>();
        var location = app.Anchor;
        var message = MissingMessage;
        properties[KindProperty] = MissingKind;
        if (hsts.Count > 0)
        {
            // UseHsts() exists but only inside IsDevelopment(): point at it when it is in this file, and let the fix move it.
            message = DevelopmentOnlyMessage;
            properties[KindProperty] = DevelopmentOnlyKind;
            var devOnly = hsts[0];
            if (devOnly.Helpers.IsEmpty && devOnly.Syntax.SyntaxTree == app.AnchorSyntax.SyntaxTree)
            {
                location = devOnly.Syntax.GetLocation();
            }

            if (devOnly.Helpers.IsEmpty && PipelineInsertion.SingleCallStatement(devOnly.Syntax) is { } statement && app.IsInEntryBody(statement))
            {
                properties[RemoveLocationProperty] = locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                locations.Add(statement.GetLocation());
            }
        }

        var hasPlan = PipelineInsertion.TryPlan(app, outsideDevelopment: true, step => InsertHstsBefore(app, step), properties, locations)
            && (properties[KindProperty] == MissingKind || properties.ContainsKey(RemoveLocationProperty));
        if (!hasPlan)
        {
            // No safe rewrite: report without fix data.
            properties.Clear();
            locations.Clear();
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, location, locations, properties.ToImmutable(), message));
    }

    /// <summary>HSTS goes before HTTPS redirection, static files, routing, CORS, authentication and the endpoints.</summary>
    private static bool InsertHstsBefore(WebAppModel app, AppStep step)
        => step.Method is { } method
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true
            && (method.Name is "UseHttpsRedirection" or "UseStaticFiles" or "MapStaticAssets" or "UseRouting" or "UseCors" or "UseAuthentication"
                    or "UseAuthorization" or "UseEndpoints" or "UseRateLimiter" or "UseResponseCaching" or "UseOutputCache"
                || app.EndpointMappings.Contains(step));
}
