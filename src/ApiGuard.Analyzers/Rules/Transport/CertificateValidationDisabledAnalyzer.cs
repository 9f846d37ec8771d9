using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Transport;

/// <summary>
/// AG0103: a server certificate validation callback that accepts every certificate (a lambda, method or local function that always
/// returns true, or <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>) is given to
/// <c>HttpClientHandler.ServerCertificateCustomValidationCallback</c>, <c>SslClientAuthenticationOptions.RemoteCertificateValidationCallback</c>,
/// <c>ServicePointManager.ServerCertificateValidationCallback</c> or the <c>SslStream</c> constructor. Anyone on the network path
/// can then impersonate the server with any certificate and read or change the traffic. Needs no ASP.NET Core.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.CertificateValidationDisabled,
        title: "Do not disable server certificate validation",
        messageFormat: "The callback given to '{0}' accepts every server certificate",
        description: "A validation callback that always returns true accepts expired, self-signed and forged certificates, so anyone on the "
            + "network path can impersonate the server and read or change the traffic. Remove the callback, or check the certificate for real.",
        RuleArea.Transport,
        DiagnosticSeverity.Warning,
        cwe: 295,
        owasp: "API8",
        hasCodeFix: true);

    private const int MaxDepth = 4;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            var handler = types.Get(KnownType.System_Net_Http_HttpClientHandler);
            var sslOptions = types.Get(KnownType.System_Net_Security_SslClientAuthenticationOptions);
            var servicePoints = types.Get(KnownType.System_Net_ServicePointManager);
            var sslStream = types.Get(KnownType.System_Net_Security_SslStream);
            if ((handler is null && sslOptions is null && servicePoints is null && sslStream is null)
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            if (sslStream is not null)
            {
                start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            }
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;

        public CompilationAnalysis(KnownTypes types) => _types = types;

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (IAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
                || assignment is ICompoundAssignmentOperation { OperatorKind: not BinaryOperatorKind.Add }
                || CallbackName(property) is not { } name
                || !AcceptsAll(assignment.Value, 0)
                || !RunsOutsideDevelopment(assignment))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Value.Syntax.GetLocation(), name));
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (!_types.IsOrInherits(creation.Type, KnownType.System_Net_Security_SslStream))
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "userCertificateValidationCallback"
                    && argument.ArgumentKind == ArgumentKind.Explicit
                    && AcceptsAll(argument.Value, 0)
                    && RunsOutsideDevelopment(creation))
                {
                    context.ReportDiagnostic(Diagnostic.Create(Rule, argument.Value.Syntax.GetLocation(), "new SslStream(...)"));
                }
            }
        }

        /// <summary>The display name of a validation callback property, or null when the property is not one.</summary>
        private string? CallbackName(IPropertySymbol property)
        {
            var owner = property.ContainingType;
            return property.Name switch
            {
                "ServerCertificateCustomValidationCallback" when _types.IsOrInherits(owner, KnownType.System_Net_Http_HttpClientHandler)
                    => "HttpClientHandler.ServerCertificateCustomValidationCallback",
                "RemoteCertificateValidationCallback" when _types.IsOrInherits(owner, KnownType.System_Net_Security_SslClientAuthenticationOptions)
                    => "SslClientAuthenticationOptions.RemoteCertificateValidationCallback",
                "ServerCertificateValidationCallback" when _types.IsType(owner, KnownType.System_Net_ServicePointManager)
                    => "ServicePointManager.ServerCertificateValidationCallback",
                _ => null,
            };
        }

        private bool RunsOutsideDevelopment(IOperation operation)
            => EnvironmentGuard.Classify(operation, _types) is GuardKind.Always or GuardKind.NonDevelopmentOnly;

        /// <summary>Whether the callback accepts every certificate.</summary>
        private bool AcceptsAll(IOperation value, int depth)
        {
            while (value is IConversionOperation or IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            switch (value)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true, Name: "DangerousAcceptAnyServerCertificateValidator" } property }:
                    return _types.IsType(property.ContainingType, KnownType.System_Net_Http_HttpClientHandler);

                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }:
                    return AlwaysReturnsTrue(function.Body);

                case IAnonymousFunctionOperation function:
                    return AlwaysReturnsTrue(function.Body);

                case IDelegateCreationOperation { Target: IMethodReferenceOperation reference }:
                    return MethodAlwaysReturnsTrue(reference.Method, value);

                case ILocalReferenceOperation local when depth < MaxDepth && !LocalValues.IsReassigned(local) && LocalValues.DeclaredValue(local) is { } declared:
                    return AcceptsAll(declared, depth + 1);

                default:
                    return false;
            }
        }

        /// <summary>A method or local function in the same file whose body always returns true.</summary>
        private static bool MethodAlwaysReturnsTrue(IMethodSymbol method, IOperation site)
        {
            var declaration = method.OriginalDefinition.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
            if (declaration is null || site.SemanticModel is not { } model || declaration.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            return model.GetOperation(declaration) switch
            {
                IMethodBodyOperation body => body.BlockBody is { } block ? AlwaysReturnsTrue(block) : body.ExpressionBody is { } expression && AlwaysReturnsTrue(expression),
                ILocalFunctionOperation { Body: { } block } => AlwaysReturnsTrue(block),
                _ => false,
            };
        }

        /// <summary>
        /// Every <c>return</c> of the body returns the constant <c>true</c>, there is at least one, and nothing throws (a callback that
        /// throws on a bad certificate rejects it).
        /// </summary>
        private static bool AlwaysReturnsTrue(IBlockOperation body)
        {
            var returns = 0;
            var stack = new Stack<IOperation>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                switch (current)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation when !ReferenceEquals(current, body):
                        continue;
                    case IThrowOperation:
                        return false;
                    case IReturnOperation { ReturnedValue: { } returned }:
                        if (returned.ConstantValue is not { HasValue: true, Value: true })
                        {
                            return false;
                        }

                        returns++;
                        break;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }

            return returns > 0;
        }
    }
}
