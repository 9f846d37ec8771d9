using System.Threading;
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
/// AG0404: API documentation (Swashbuckle's <c>UseSwagger()</c>, <c>UseSwaggerUI()</c>, <c>UseReDoc()</c> and <c>MapSwagger()</c>,
/// <c>MapOpenApi()</c>, Scalar's <c>MapScalarApiReference()</c>, <c>MapGrpcReflectionService()</c>) is served outside Development
/// to anyone: a full map of every endpoint, parameter and model, including the ones meant to stay internal. A mapped endpoint
/// that requires authorization (on the call, its route group, or the fallback policy) is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiDocumentationInProductionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property, "true" when the call maps an endpoint, so <c>.RequireAuthorization()</c> can protect it.</summary>
    public const string MapsEndpointProperty = "MapsEndpoint";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.ApiDocumentationInProduction,
        title: "Serve API documentation only in Development",
        messageFormat: "'{0}' can run outside Development and shows every endpoint of the API to any client",
        description: "Swagger, ReDoc, OpenAPI, Scalar and gRPC reflection documents list every endpoint, parameter and model of the API, "
            + "including internal and forgotten ones. Outside Development, serve them only behind IsDevelopment() or to authorized callers.",
        RuleArea.ErrorHandling,
        DiagnosticSeverity.Warning,
        cwe: 200,
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
            if (!types.IsAspNetCoreApp
                || !Anchors.Any(t => types.Get(t) is not null)
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, AppModelProvider.GetOrCreate(start.Compilation), AuthorizationModel.GetOrCreate(start.Compilation));
            start.RegisterOperationAction(analysis.Analyze, OperationKind.Invocation);
        });
    }

    /// <summary>The classes that declare the documentation calls (each from its own package).</summary>
    private static readonly KnownType[] Anchors =
    {
        KnownType.Microsoft_AspNetCore_Builder_SwaggerBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_SwaggerUIBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_ReDocBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_OpenApiEndpointRouteBuilderExtensions,
        KnownType.Scalar_AspNetCore_ScalarEndpointRouteBuilderExtensions,
        KnownType.Scalar_AspNetCore_OpenApiEndpointRouteBuilderExtensions,
        KnownType.Microsoft_AspNetCore_Builder_GrpcReflectionEndpointRouteBuilderExtensions,
    };

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;
        private readonly AuthorizationModel _authorization;

        public CompilationAnalysis(KnownTypes types, AppModelProvider provider, AuthorizationModel authorization)
        {
            _types = types;
            _provider = provider;
            _authorization = authorization;
        }

        public void Analyze(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            if (Kind(method) is not { } mapsEndpoint)
            {
                return;
            }

            // The guard the call has in the apps that reach it; a call no app reaches (a library helper) has only its local guard.
            var steps = _provider.StepsAt(invocation.Syntax, context.CancellationToken);
            var reachable = steps.IsEmpty
                ? EnvironmentGuard.Classify(invocation, _types) is GuardKind.Always or GuardKind.NonDevelopmentOnly
                : steps.Any(s => s.RunsOutsideDevelopment);
            if (!reachable || (mapsEndpoint && !IsUnprotected(invocation, context.CancellationToken)))
            {
                return;
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var locations = new List<Location>();
            if (Statement(invocation, mapsEndpoint) is { } statement)
            {
                DevelopmentOnlyPlan.Plan(invocation, statement, steps, _provider, _types, properties, locations, context.CancellationToken, out _);
            }

            if (mapsEndpoint)
            {
                properties[MapsEndpointProperty] = "true";
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
                : invocation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, locations, properties.ToImmutable(), method.Name + "()"));
        }

        /// <summary>Null when the method is no documentation call; else whether it maps an endpoint (true) or adds a middleware (false).</summary>
        private bool? Kind(IMethodSymbol method)
        {
            var type = method.ContainingType;
            return method.Name switch
            {
                "UseSwagger" when _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_SwaggerBuilderExtensions) => false,
                "MapSwagger" when _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_SwaggerBuilderExtensions) => true,
                "UseSwaggerUI" when _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_SwaggerUIBuilderExtensions) => false,
                "UseReDoc" when _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_ReDocBuilderExtensions) => false,
                "MapOpenApi" when _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_OpenApiEndpointRouteBuilderExtensions) => true,
                "MapScalarApiReference" when _types.IsType(type, KnownType.Scalar_AspNetCore_ScalarEndpointRouteBuilderExtensions)
                    || _types.IsType(type, KnownType.Scalar_AspNetCore_OpenApiEndpointRouteBuilderExtensions) => true,
                "MapGrpcReflectionService" when _types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_GrpcReflectionEndpointRouteBuilderExtensions) => true,
                _ => null,
            };
        }

        /// <summary>
        /// Whether the mapped endpoint is reachable without authorization. The app model decides when an app maps it (conventions on
        /// the call, its route groups, the fallback policy); otherwise only the conventions chained on the call count. A builder that
        /// is stored or passed on may get conventions elsewhere, so it counts as protected.
        /// </summary>
        private bool IsUnprotected(IInvocationOperation invocation, CancellationToken cancellationToken)
        {
            var found = false;
            foreach (var app in _authorization.GetApps(cancellationToken))
            {
                if (app.MappingsBySyntax.TryGetValue(invocation.Syntax, out var mapping))
                {
                    found = true;
                    if (app.Decide(mapping.State) is AuthorizationState.None or AuthorizationState.Anonymous)
                    {
                        return true;
                    }
                }
            }

            if (found)
            {
                return false;
            }

            IOperation current = invocation;
            while (true)
            {
                var parent = current.Parent;
                while (parent is IConversionOperation)
                {
                    current = parent;
                    parent = parent.Parent;
                }

                switch (parent)
                {
                    case IArgumentOperation { Parent: IInvocationOperation outer } argument when outer.TargetMethod.IsExtensionMethod && outer.Arguments.IndexOf(argument) == 0:
                        if (_types.IsMethod(outer.TargetMethod, KnownType.Microsoft_AspNetCore_Builder_AuthorizationEndpointConventionBuilderExtensions, "RequireAuthorization"))
                        {
                            return false;
                        }

                        current = outer;
                        continue;
                    case IInvocationOperation outer when ReferenceEquals(outer.Instance, current):
                        current = outer;
                        continue;
                    case IExpressionStatementOperation:
                        return true;
                    case IAnonymousFunctionOperation or IReturnOperation { IsImplicit: true } when current.Syntax.Parent is LambdaExpressionSyntax lambda && lambda.Body == current.Syntax:
                        return true;
                    default:
                        return false;
                }
            }
        }

        /// <summary>
        /// The statement the development-guard fix may move or wrap: exactly one call on a name (<c>app.UseSwagger();</c>), or, for a
        /// mapped endpoint, the call with conventions chained on its builder (<c>app.MapOpenApi().CacheOutput();</c>).
        /// </summary>
        private static StatementSyntax? Statement(IInvocationOperation invocation, bool mapsEndpoint)
        {
            if (PipelineInsertion.SingleCallStatement(invocation.Syntax) is { } single)
            {
                return single;
            }

            if (!mapsEndpoint || invocation.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax } })
            {
                return null;
            }

            SyntaxNode current = invocation.Syntax;
            while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == current)
            {
                current = outer;
            }

            return current.Parent as ExpressionStatementSyntax;
        }
    }
}
