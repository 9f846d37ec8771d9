using System.Threading;
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
/// AG0603: an endpoint asks for a rate-limit policy by name (<c>RequireRateLimiting("name")</c>, <c>[EnableRateLimiting("name")]</c>)
/// that no app of the compilation registers. With the middleware in place every request to the endpoint fails; without it the
/// endpoint is not limited at all. Names are compared as constants; anything not constant, or an app the model cannot read
/// completely, keeps the rule silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RateLimitPolicyUndefinedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the policy name as written (its constant value).</summary>
    public const string PolicyNameProperty = "PolicyName";

    /// <summary>Property: the parameter name of the one <c>AddRateLimiter</c> options lambda, when the fix can add the policy there.</summary>
    public const string OptionsParameterProperty = "Options.Parameter";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.RateLimitPolicyUndefined,
        title: "Use only rate-limit policies that are registered",
        messageFormat: "No rate-limit policy named '{0}' is registered",
        description: "An endpoint that names a rate-limit policy nobody registered is not protected as intended: with UseRateLimiter() in the "
            + "pipeline every request to it fails with an InvalidOperationException, and without the middleware it is not limited at all. "
            + "Register the policy with AddPolicy or one of the Add*Limiter methods, or fix the name.",
        RuleArea.RateLimiting,
        DiagnosticSeverity.Warning,
        cwe: 770,
        owasp: "API4",
        hasCodeFix: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(AppModelProvider.GetOrCreate(start.Compilation), types);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeFunction, OperationKind.AnonymousFunction, OperationKind.LocalFunction);
            start.RegisterSymbolAction(analysis.AnalyzeSymbol, SymbolKind.NamedType, SymbolKind.Method);
        });
    }

    /// <summary>The policies every app of the compilation registers, or null when they cannot be known.</summary>
    private sealed class Registrations
    {
        public Registrations(ImmutableHashSet<string> names, IAnonymousFunctionOperation? onlyOptionsLambda)
        {
            Names = names;
            OnlyOptionsLambda = onlyOptionsLambda;
        }

        public ImmutableHashSet<string> Names { get; }

        /// <summary>The options lambda of the compilation's only <c>AddRateLimiter</c> call, if there is exactly one and it runs outside Development.</summary>
        public IAnonymousFunctionOperation? OnlyOptionsLambda { get; }
    }

    private sealed class CompilationAnalysis
    {
        private readonly AppModelProvider _provider;
        private readonly KnownTypes _types;
        private readonly object _gate = new();
        private bool _computed;
        private Registrations? _registrations;

        public CompilationAnalysis(AppModelProvider provider, KnownTypes types)
        {
            _provider = provider;
            _types = types;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!_types.IsMethod(invocation.TargetMethod, KnownType.Microsoft_AspNetCore_Builder_RateLimiterEndpointConventionBuilderExtensions, "RequireRateLimiting")
                || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "policyName") is not { } argument
                || argument.Value.ConstantValue is not { HasValue: true, Value: string name }
                || EnvironmentGuard.Classify(invocation, _types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
            {
                return;
            }

            Check(name, argument.Value.Syntax, context.ReportDiagnostic, context.CancellationToken);
        }

        public void AnalyzeFunction(OperationAnalysisContext context)
        {
            var symbol = context.Operation switch
            {
                IAnonymousFunctionOperation lambda => lambda.Symbol,
                ILocalFunctionOperation local => local.Symbol,
                _ => null,
            };

            if (symbol is null || !HasEnableAttribute(symbol) || EnvironmentGuard.Classify(context.Operation, _types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
            {
                return;
            }

            CheckAttributes(symbol, context.ReportDiagnostic, context.CancellationToken);
        }

        public void AnalyzeSymbol(SymbolAnalysisContext context)
        {
            if (HasEnableAttribute(context.Symbol))
            {
                CheckAttributes(context.Symbol, context.ReportDiagnostic, context.CancellationToken);
            }
        }

        private bool HasEnableAttribute(ISymbol symbol)
            => symbol.GetAttributes().Any(a => _types.IsType(a.AttributeClass, KnownType.Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute));

        private void CheckAttributes(ISymbol symbol, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            foreach (var attribute in symbol.GetAttributes())
            {
                if (_types.IsType(attribute.AttributeClass, KnownType.Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute)
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string name
                    && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments.Count: > 0 } syntax)
                {
                    Check(name, syntax.ArgumentList.Arguments[0].Expression, report, cancellationToken);
                }
            }
        }

        private void Check(string name, SyntaxNode nameSyntax, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            if (Registered(cancellationToken) is not { } registrations || registrations.Names.Contains(name))
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[PolicyNameProperty] = name;
            var locations = new List<Location>();
            if (registrations.OnlyOptionsLambda is { Symbol.Parameters.Length: 1 } lambda && lambda.Syntax.SyntaxTree == nameSyntax.SyntaxTree)
            {
                properties[OptionsParameterProperty] = lambda.Symbol.Parameters[0].Name;
                locations.Add(lambda.Body.Syntax is BlockSyntax body ? body.GetLocation() : ((AnonymousFunctionExpressionSyntax)lambda.Syntax).ExpressionBody!.GetLocation());
            }

            report(Diagnostic.Create(Rule, nameSyntax.GetLocation(), locations, properties.ToImmutable(), name));
        }

        /// <summary>The registered names, computed once; null when there is no app, an app is incomplete, or a registration is not constant.</summary>
        private Registrations? Registered(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _computed))
            {
                return _registrations;
            }

            lock (_gate)
            {
                if (!_computed)
                {
                    _registrations = Compute(cancellationToken);
                    Volatile.Write(ref _computed, true);
                }

                return _registrations;
            }
        }

        private Registrations? Compute(CancellationToken cancellationToken)
        {
            var apps = _provider.GetApps(cancellationToken);
            if (apps.IsEmpty || apps.Any(a => a.IsIncomplete))
            {
                return null;
            }

            var names = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
            var additions = new Dictionary<SyntaxNode, AppStep>();
            foreach (var app in apps)
            {
                var model = app.RateLimiter;
                if (!model.OpaqueConfigurations.IsEmpty || model.Policies.Any(p => p.Name is null))
                {
                    return null;
                }

                names.UnionWith(model.Policies.Select(p => p.Name!));
                foreach (var add in model.AddRateLimiter)
                {
                    additions[add.Syntax] = add;
                }
            }

            // A policy the fix adds must exist in production: not into a lambda that runs only in Development.
            var onlyLambda = additions.Count == 1 && additions.Values.First().RunsOutsideDevelopment ? RateLimiterModel.OptionsLambda(additions.Values.First()) : null;
            return new Registrations(names.ToImmutable(), onlyLambda);
        }
    }
}
