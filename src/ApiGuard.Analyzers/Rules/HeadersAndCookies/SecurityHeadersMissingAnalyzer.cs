using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.HeadersAndCookies;

/// <summary>
/// AG0701: no code of the app writes any of the basic security headers (<c>X-Content-Type-Options</c>, <c>X-Frame-Options</c> or
/// a CSP <c>frame-ancestors</c>, <c>Content-Security-Policy</c>) and no known headers library is used, so browsers may sniff
/// responses into scripts and any site may frame the app. Reported once per app, on <c>builder.Build()</c> (or
/// <c>WebApplication.Create()</c>, or <c>Startup.Configure</c>'s name), like AG0101.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecurityHeadersMissingAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.SecurityHeadersMissing,
        title: "Set security headers on responses",
        messageFormat: "The app never sets {0}",
        description: "Without X-Content-Type-Options: nosniff, browsers may run a response as a script or stylesheet; without X-Frame-Options "
            + "or a Content-Security-Policy with frame-ancestors, any site can frame the app (clickjacking). Add a middleware that sets them, "
            + "or a security headers library.",
        RuleArea.HeadersAndCookies,
        DiagnosticSeverity.Warning,
        cwe: 693,
        owasp: "API8",
        hasCodeFix: true);

    internal const string MissingHeaders = "X-Content-Type-Options, X-Frame-Options or Content-Security-Policy";

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
                || types.Get(KnownType.Microsoft_AspNetCore_Http_IHeaderDictionary) is null
                || ApiGuardOptions.SkipCompilation(options)
                || ApiGuardOptions.HeadersSetExternally.Read(options.GlobalOptions))
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
            || ApiGuardOptions.HeadersSetExternally.Read(options.GetOptions(app.AnchorSyntax.SyntaxTree))
            || provider.SecurityHeadersWritten(context.CancellationToken) != SecurityHeaders.None)
        {
            return;
        }

        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var locations = new List<Location>();
        if (!PipelineInsertion.TryPlan(app, GuardKind.Always, IsMiddleware, properties, locations, IsErrorHandling))
        {
            properties.Clear();
            locations.Clear();
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, app.Anchor, locations, properties.ToImmutable(), MissingHeaders));
    }

    /// <summary>The headers middleware goes after the exception handler and HSTS (so error responses get the headers too)…</summary>
    private static bool IsErrorHandling(AppStep step)
        => step.Method is { Name: "UseExceptionHandler" or "UseHsts" or "UseDeveloperExceptionPage" } method
            && method.ContainingNamespace?.ToDisplayString() == "Microsoft.AspNetCore.Builder";

    /// <summary>…and otherwise before the first middleware or endpoint of the pipeline.</summary>
    private static bool IsMiddleware(AppStep step)
        => step.Method is { } method && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;
}
