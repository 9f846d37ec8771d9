using System.Collections.Concurrent;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.RateLimiting;

/// <summary>
/// AG0602: half a rate limiter. <c>AddRateLimiter</c> without <c>UseRateLimiter</c> (the limits are never applied),
/// <c>UseRateLimiter</c> without <c>AddRateLimiter</c> (the app fails at start-up), or <c>AddRateLimiter</c> whose options set
/// neither a <c>GlobalLimiter</c> nor any named policy (nothing is limited). Reported on the call, from the call's own document,
/// with the whole app's configuration from the shared app model.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimiterHalfConfiguredAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: which half is missing (<see cref="NoMiddlewareKind"/>, <see cref="NoServicesKind"/>, <see cref="NoLimiterKind"/>).</summary>
    public const string KindProperty = "Kind";

    /// <summary><c>AddRateLimiter</c> without <c>UseRateLimiter</c>.</summary>
    public const string NoMiddlewareKind = "NoMiddleware";

    /// <summary><c>UseRateLimiter</c> without <c>AddRateLimiter</c>.</summary>
    public const string NoServicesKind = "NoServices";

    /// <summary><c>AddRateLimiter</c> with neither a global limiter nor a policy.</summary>
    public const string NoLimiterKind = "NoLimiter";

    /// <summary>Property: index in <c>AdditionalLocations</c> of a development-only <c>UseRateLimiter()</c> statement the fix replaces.</summary>
    public const string RemoveLocationProperty = "Remove.Location";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the <c>AddRateLimiter</c> options lambda the fix adds a global limiter to.</summary>
    public const string LambdaLocationProperty = "Lambda.Location";

    /// <summary>Property: <c>true</c> when no <c>RejectionStatusCode</c> is set, so the fix sets one too.</summary>
    public const string AddRejectionStatusCodeProperty = "Lambda.AddRejectionStatusCode";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.RateLimiterHalfConfigured,
        title: "Configure both halves of the rate limiter",
        messageFormat: "The rate limiter is half configured: {0}",
        description: "Rate limiting needs the services (AddRateLimiter with a global limiter or named policies) and the middleware "
            + "(UseRateLimiter). Without the middleware no request is limited; without the services the app fails at start-up; without a "
            + "limiter or policy the middleware lets everything through.",
        RuleArea.RateLimiting,
        DiagnosticSeverity.Warning,
        cwe: 770,
        owasp: "API4",
        hasCodeFix: true);

    internal const string NoMiddlewareMessage = "AddRateLimiter() registers the limiter, but UseRateLimiter() never runs outside Development, so no request is limited";

    internal const string NoServicesMessage = "UseRateLimiter() runs without AddRateLimiter() outside Development, so the app fails at start-up";

    internal const string NoLimiterMessage = "AddRateLimiter() sets neither a GlobalLimiter nor any policy, so no request is limited";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || !RateLimiterModel.IsAvailable(types)
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(AppModelProvider.GetOrCreate(start.Compilation), types);
            start.RegisterOperationAction(analysis.Analyze, OperationKind.Invocation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly AppModelProvider _provider;
        private readonly KnownTypes _types;

        public CompilationAnalysis(AppModelProvider provider, KnownTypes types)
        {
            _provider = provider;
            _types = types;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var isAdd = _types.IsMethod(invocation.TargetMethod, KnownType.Microsoft_AspNetCore_Builder_RateLimiterServiceCollectionExtensions, "AddRateLimiter");
            var isUse = !isAdd && _types.IsMethod(invocation.TargetMethod, KnownType.Microsoft_AspNetCore_Builder_RateLimiterApplicationBuilderExtensions, "UseRateLimiter");
            if (!isAdd && !isUse)
            {
                return;
            }

            var syntax = invocation.Syntax;
            var here = _provider.StepsAt(syntax, context.CancellationToken);
            if (here.IsEmpty || here.Any(s => s.Guard == GuardKind.Unknown))
            {
                return;
            }

            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var app in _provider.GetApps(context.CancellationToken))
            {
                if (app.IsIncomplete || app.IsDevelopmentOnly
                    || app.Steps.FirstOrDefault(s => s.Syntax == syntax && s.RunsOutsideDevelopment) is not { } step)
                {
                    continue;
                }

                var model = app.RateLimiter;
                if (isAdd)
                {
                    if (!model.UseRateLimiter.Any(RateLimiterModel.MayRunOutsideDevelopment) && reported.Add(NoMiddlewareKind))
                    {
                        context.ReportDiagnostic(NoMiddleware(app, model, syntax));
                    }

                    if (!model.GlobalLimiters.Any(RateLimiterModel.MayRunOutsideDevelopment)
                        && !model.Policies.Any(p => RateLimiterModel.MayRunOutsideDevelopment(p.Step))
                        && !model.OpaqueConfigurations.Any(RateLimiterModel.MayRunOutsideDevelopment)
                        && reported.Add(NoLimiterKind))
                    {
                        context.ReportDiagnostic(NoLimiter(model, step, syntax));
                    }
                }
                else if (!model.AddRateLimiter.Any(RateLimiterModel.MayRunOutsideDevelopment)
                    && (app.Kind != AppKind.Startup || app.ConfigureServices is not null)
                    && reported.Add(NoServicesKind))
                {
                    context.ReportDiagnostic(NoServices(app, syntax, context));
                }
            }
        }

        /// <summary>Fix data: where <c>UseRateLimiter()</c> goes, and a development-only one to replace.</summary>
        private static Diagnostic NoMiddleware(WebAppModel app, RateLimiterModel model, SyntaxNode syntax)
        {
            var properties = Properties(NoMiddlewareKind);
            var locations = new List<Location>();
            if (RateLimiterPlacement.TryPlanUseRateLimiter(app, properties, locations))
            {
                var devOnly = model.UseRateLimiter.FirstOrDefault(s => s.Guard == GuardKind.DevelopmentOnly && s.Helpers.IsEmpty && s.Syntax.Parent is ExpressionStatementSyntax);
                if (devOnly is not null)
                {
                    properties[RemoveLocationProperty] = locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    locations.Add(devOnly.Syntax.Parent!.GetLocation());
                }
            }

            return Create(syntax, properties, locations, NoMiddlewareMessage);
        }

        /// <summary>Fix data: where <c>AddRateLimiter(...)</c> goes.</summary>
        private static Diagnostic NoServices(WebAppModel app, SyntaxNode syntax, OperationAnalysisContext context)
        {
            var properties = Properties(NoServicesKind);
            var locations = new List<Location>();
            PipelineInsertion.TryPlanServices(app, properties, locations, context.CancellationToken);
            return Create(syntax, properties, locations, NoServicesMessage);
        }

        /// <summary>Fix data: the options lambda to add a global limiter to.</summary>
        private static Diagnostic NoLimiter(RateLimiterModel model, AppStep step, SyntaxNode syntax)
        {
            var properties = Properties(NoLimiterKind);
            var locations = new List<Location>();
            if (RateLimiterModel.OptionsLambda(step) is { Symbol.Parameters.Length: 1 } lambda)
            {
                properties[LambdaLocationProperty] = locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                properties[AddRejectionStatusCodeProperty] = model.RejectionStatusCodes.IsEmpty ? "true" : "false";
                locations.Add(lambda.Syntax.GetLocation());
            }

            return Create(syntax, properties, locations, NoLimiterMessage);
        }

        private static ImmutableDictionary<string, string?>.Builder Properties(string kind)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = kind;
            return properties;
        }

        /// <summary>Reports on the method name; fix data that points into another document is dropped (a fixer edits one document).</summary>
        private static Diagnostic Create(SyntaxNode syntax, ImmutableDictionary<string, string?>.Builder properties, List<Location> locations, string message)
        {
            if (locations.Any(l => l.SourceTree != syntax.SyntaxTree))
            {
                var kind = properties[KindProperty];
                properties.Clear();
                properties[KindProperty] = kind;
                locations.Clear();
            }

            var location = syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } ? member.Name.GetLocation() : syntax.GetLocation();
            return Diagnostic.Create(Rule, location, locations, properties.ToImmutable(), message);
        }
    }
}
