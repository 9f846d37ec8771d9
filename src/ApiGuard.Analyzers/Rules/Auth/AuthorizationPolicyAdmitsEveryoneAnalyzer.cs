using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Auth;

/// <summary>
/// AG0303: an authorization policy that every caller satisfies, signed in or not: its only requirements are assertions that always
/// return true (<c>RequireAssertion(_ =&gt; true)</c>). Endpoints that require it, or a fallback or default policy built that way,
/// look protected and are not. A policy with no requirements at all is not reported: ASP.NET Core refuses to build it
/// ("AuthorizationPolicy must have at least one requirement"). Reported on <c>RequireAssertion</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthorizationPolicyAdmitsEveryoneAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.AuthorizationPolicyAdmitsEveryone,
        title: "Do not build authorization policies that admit everyone",
        messageFormat: "{0} always succeeds, so this policy admits every caller, signed in or not",
        description: "A policy whose only requirement is an assertion that always returns true is satisfied by anonymous callers too. Endpoints "
            + "that require it, or a fallback or default policy built this way, are public while looking protected. Require an authenticated "
            + "user, a role or a claim instead.",
        RuleArea.Auth,
        DiagnosticSeverity.Warning,
        cwe: 285,
        owasp: "API5",
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
                || types.Get(KnownType.Microsoft_AspNetCore_Authorization_AuthorizationPolicyBuilder) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;

        public CompilationAnalysis(KnownTypes types) => _types = types;

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!IsAlwaysTrueAssertion(invocation)
                || EnvironmentGuard.Classify(invocation, _types) is not (GuardKind.Always or GuardKind.NonDevelopmentOnly)
                || !PolicyHasOnlyAlwaysTrueAssertions(invocation))
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Rule, location, invocation.TargetMethod.Name));
        }

        private bool IsBuilderMethod(IMethodSymbol method)
            => _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationPolicyBuilder);

        /// <summary><c>RequireAssertion(lambda)</c> whose lambda returns true (or <c>Task.FromResult(true)</c>) on every path outside Development.</summary>
        private bool IsAlwaysTrueAssertion(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name != "RequireAssertion" || !IsBuilderMethod(invocation.TargetMethod) || invocation.Arguments.Length != 1)
            {
                return false;
            }

            var value = invocation.Arguments[0].Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                return false;
            }

            var returns = Returns(lambda.Body).ToList();
            return returns.Count > 0 && returns.All(r => r.ReturnedValue is { } returned && IsTrue(returned));
        }

        private bool IsTrue(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is IInvocationOperation { TargetMethod: { Name: "FromResult", ContainingType: { Name: "Task", ContainingNamespace: { } ns } }, Arguments.Length: 1 } fromResult
                && ns.ToDisplayString() == "System.Threading.Tasks")
            {
                value = fromResult.Arguments[0].Value;
            }

            return EnvironmentValue.IsOutsideDevelopment(value, _types, true);
        }

        /// <summary>The return operations of a lambda body, not those of lambdas or local functions nested in it.</summary>
        private static IEnumerable<IReturnOperation> Returns(IOperation body)
        {
            var stack = new Stack<IOperation>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current is IReturnOperation { Kind: OperationKind.Return } returned)
                {
                    yield return returned;
                }

                foreach (var child in current.ChildOperations)
                {
                    if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        /// <summary>
        /// Whether the policy builder that <paramref name="assertion"/> is called on gets no requirement other than always-true
        /// assertions: a builder that is the parameter of a policy lambda (<c>AddPolicy("x", p =&gt; …)</c>), every use of which is a
        /// chain of such calls, or <c>new AuthorizationPolicyBuilder(…)</c> with a chain that ends in <c>Build()</c>.
        /// </summary>
        private bool PolicyHasOnlyAlwaysTrueAssertions(IInvocationOperation assertion)
        {
            IOperation root = assertion;
            while (root is IInvocationOperation { Instance: { } instance } call && IsBuilderMethod(call.TargetMethod))
            {
                root = instance;
            }

            while (root is IConversionOperation conversion)
            {
                root = conversion.Operand;
            }

            switch (root)
            {
                case IParameterReferenceOperation parameter:
                    var function = assertion.Parent;
                    while (function is not null && !(function is IAnonymousFunctionOperation candidate && SymbolEqualityComparer.Default.Equals(candidate.Symbol, parameter.Parameter.ContainingSymbol)))
                    {
                        function = function.Parent;
                    }

                    if (function is not IAnonymousFunctionOperation { Body: { } body })
                    {
                        return false;
                    }

                    return body.Descendants()
                        .OfType<IParameterReferenceOperation>()
                        .Where(r => SymbolEqualityComparer.Default.Equals(r.Parameter, parameter.Parameter))
                        .All(r => ChainAdmitsEveryone(r, mustBuild: false));

                case IObjectCreationOperation creation when _types.IsType(creation.Type, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationPolicyBuilder):
                    // new AuthorizationPolicyBuilder(existingPolicy) starts from that policy's requirements.
                    return creation.Constructor?.Parameters.All(p => !_types.IsType(p.Type, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationPolicy)) == true
                        && ChainAdmitsEveryone(creation, mustBuild: true);

                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether the calls chained on <paramref name="start"/> only add always-true assertions or authentication schemes, and the chain
        /// ends in a statement (or, with <paramref name="mustBuild"/>, in <c>Build()</c>).
        /// </summary>
        private bool ChainAdmitsEveryone(IOperation start, bool mustBuild)
        {
            var current = start;
            while (current.Parent is IInvocationOperation call && ReferenceEquals(call.Instance, current) && IsBuilderMethod(call.TargetMethod))
            {
                switch (call.TargetMethod.Name)
                {
                    case "Build":
                        return true;
                    case "AddAuthenticationSchemes":
                        break;
                    case "RequireAssertion" when IsAlwaysTrueAssertion(call):
                        break;
                    default:
                        return false;
                }

                current = call;
            }

            return !mustBuild && current.Parent is IExpressionStatementOperation or IReturnOperation;
        }
    }
}
