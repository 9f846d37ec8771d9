using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.ErrorHandling;

/// <summary>
/// AG0401: <c>UseDeveloperExceptionPage()</c> (or EF Core's <c>UseDatabaseErrorPage()</c>/<c>UseMigrationsEndPoint()</c>) runs
/// outside Development, so any client can see stack traces, source lines, headers and configuration, and (for the migrations
/// endpoint) apply database migrations. The guard is the one the call has in the app, through every helper on the way.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeveloperExceptionPageInProductionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: index in <c>AdditionalLocations</c> of the statement that holds the call (the fix moves or wraps it).</summary>
    public const string StatementProperty = DevelopmentOnlyPlan.StatementProperty;

    /// <summary>Property: the condition to wrap the statement in, in place (calls in helpers).</summary>
    public const string WrapConditionProperty = DevelopmentOnlyPlan.WrapConditionProperty;

    /// <summary>Property, "true" when the app has no exception handler outside Development (the fix can add one).</summary>
    public const string NoProductionHandlerProperty = "NoProductionHandler";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.DeveloperExceptionPageInProduction,
        title: "Show developer error pages only in Development",
        messageFormat: "'{0}' can run outside Development and shows exception details to any client",
        description: "The developer exception page shows stack traces, source code, headers, cookies and configuration values. Outside "
            + "Development it hands attackers a map of the application. Guard it with IsDevelopment() and use UseExceptionHandler() elsewhere.",
        RuleArea.ErrorHandling,
        DiagnosticSeverity.Warning,
        cwe: 209,
        owasp: "API8",
        hasCodeFix: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, AppModelProvider.GetOrCreate(start.Compilation));
            start.RegisterOperationAction(analysis.Analyze, OperationKind.Invocation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;

        public CompilationAnalysis(KnownTypes types, AppModelProvider provider)
        {
            _types = types;
            _provider = provider;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (!IsDeveloperPage(method))
            {
                return;
            }

            // The guard the call has in the apps that reach it; a call no app reaches (a library helper) has only its local guard.
            var steps = _provider.StepsAt(invocation.Syntax, context.CancellationToken);
            var reachable = steps.IsEmpty
                ? EnvironmentGuard.Classify(invocation, _types) is GuardKind.Always or GuardKind.NonDevelopmentOnly
                : steps.Any(s => s.RunsOutsideDevelopment);
            if (!reachable)
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var locations = new List<Location>();
            if (PipelineInsertion.SingleCallStatement(invocation.Syntax) is { } statement
                && DevelopmentOnlyPlan.Plan(invocation, statement, steps, _provider, _types, properties, locations, context.CancellationToken, out var app) == DevelopmentOnlyPlacement.EntryBody
                && app is not null
                && !app.CallsOn(KnownType.Microsoft_AspNetCore_Builder_ExceptionHandlerExtensions).Any(s => s.RunsOutsideDevelopment))
            {
                properties[NoProductionHandlerProperty] = "true";
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
                : invocation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, locations, properties.ToImmutable(), method.Name + "()"));
        }

        private bool IsDeveloperPage(IMethodSymbol method)
            => (method.Name == "UseDeveloperExceptionPage" && _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_DeveloperExceptionPageExtensions))
                || (method.Name == "UseDatabaseErrorPage" && _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_DatabaseErrorPageExtensions))
                || (method.Name == "UseMigrationsEndPoint" && _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_MigrationsEndPointExtensions));
    }
}
