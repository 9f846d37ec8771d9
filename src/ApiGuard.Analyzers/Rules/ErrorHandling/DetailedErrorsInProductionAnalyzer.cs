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
/// AG0403: a framework's detailed errors are turned on where they can run outside Development: EF Core's
/// <c>EnableSensitiveDataLogging()</c>/<c>EnableDetailedErrors()</c>, SignalR's <c>HubOptions.EnableDetailedErrors</c>, Blazor
/// Server's <c>CircuitOptions.DetailedErrors</c>, gRPC's <c>GrpcServiceOptions.EnableDetailedErrors</c> and JwtBearer's
/// <c>IncludeErrorDetails</c>. Values are read beyond literals (<c>EnableDetailedErrors = env.IsDevelopment()</c> is fine).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DetailedErrorsInProductionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: an expression of type <c>IHostEnvironment</c> in scope at the finding (the fix checks it), when there is one.</summary>
    public const string EnvironmentProperty = "Environment";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.DetailedErrorsInProduction,
        title: "Enable detailed errors only in Development",
        messageFormat: "'{0}' can run outside Development and sends or logs error details that should stay private",
        description: "Detailed errors send exception messages to SignalR, Blazor and gRPC clients, put token validation failures in "
            + "WWW-Authenticate headers, and make EF Core log parameter values (personal data, secrets). Turn them on only in Development.",
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
            if (types.Get(KnownType.Microsoft_EntityFrameworkCore_DbContextOptionsBuilder) is not null)
            {
                start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            }

            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
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

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.Name is not ("EnableSensitiveDataLogging" or "EnableDetailedErrors")
                || !_types.IsOrInherits(method.ContainingType, KnownType.Microsoft_EntityFrameworkCore_DbContextOptionsBuilder)
                || invocation.Arguments.Length != 1
                || invocation.Arguments[0].Value.Type?.SpecialType != SpecialType.System_Boolean
                || !EnvironmentValue.IsOutsideDevelopment(invocation.Arguments[0].Value, _types, true))
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? Location.Create(invocation.Syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Syntax.Span.End))
                : invocation.Syntax.GetLocation();
            Report(context, invocation, location, method.Name + "()");
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: var property }
                || !IsDetailedErrorsProperty(property)
                || !EnvironmentValue.IsOutsideDevelopment(assignment.Value, _types, true))
            {
                return;
            }

            Report(context, assignment, assignment.Syntax.GetLocation(), property.ContainingType.Name + "." + property.Name + " = true");
        }

        private bool IsDetailedErrorsProperty(IPropertySymbol property) => property.Name switch
        {
            "EnableDetailedErrors" => _types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_SignalR_HubOptions)
                || _types.IsOrInherits(property.ContainingType, KnownType.Grpc_AspNetCore_Server_GrpcServiceOptions),
            "DetailedErrors" => _types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Components_Server_CircuitOptions),
            "IncludeErrorDetails" => _types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Authentication_JwtBearer_JwtBearerOptions),
            _ => false,
        };

        private void Report(OperationAnalysisContext context, IOperation operation, Location location, string display)
        {
            // The guard the code has in the apps that reach it; code no app reaches (a library helper) has only its local guard.
            var steps = _provider.StepsAt(operation.Syntax, context.CancellationToken);
            var reachable = steps.IsEmpty
                ? EnvironmentGuard.Classify(operation, _types) is GuardKind.Always or GuardKind.NonDevelopmentOnly
                : steps.Any(s => s.RunsOutsideDevelopment);
            if (!reachable)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (InScope.Find(operation, Environment) is { } environment)
            {
                properties = properties.Add(EnvironmentProperty, environment);
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, location, properties, display));
        }

        /// <summary>An environment expression for a symbol of <paramref name="type"/> named <paramref name="name"/>.</summary>
        private string? Environment(ITypeSymbol type, string name)
            => _types.IsOrInherits(type, KnownType.Microsoft_Extensions_Hosting_IHostEnvironment) ? name
                : _types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Builder_WebApplicationBuilder)
                    || _types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Builder_WebApplication)
                    || _types.IsOrInherits(type, KnownType.Microsoft_Extensions_Hosting_IHostApplicationBuilder) ? name + ".Environment"
                : null;
    }
}
