using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Transport;

/// <summary>
/// AG0105: <c>ForwardedHeadersOptions.KnownProxies.Clear()</c> together with <c>KnownNetworks.Clear()</c> (or <c>KnownIPNetworks.Clear()</c>
/// on .NET 10, the same list), in one configure lambda or method that adds no proxy or network back. With both lists empty, the
/// forwarded headers middleware takes <c>X-Forwarded-For</c>/<c>-Proto</c>/<c>-Host</c> from any client, which can then spoof its IP
/// address (defeating IP rate limits, allow-lists and audit logs) and the request scheme (defeating HTTPS checks).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ForwardedHeadersTrustAllAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The configuration section the fix reads the trusted proxies from, as a string array of IP addresses.</summary>
    public const string ConfigurationKey = "ForwardedHeaders:KnownProxies";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.ForwardedHeadersTrustAll,
        title: "Do not trust forwarded headers from every proxy",
        messageFormat: "'{0}' with the known networks cleared too trusts X-Forwarded-* headers from any client",
        description: "When both KnownProxies and KnownNetworks are empty, the forwarded headers middleware accepts X-Forwarded-For, -Proto and "
            + "-Host from anyone, so a client can spoof its IP address and scheme. List the proxies (or networks) in front of the app instead.",
        RuleArea.Transport,
        DiagnosticSeverity.Warning,
        cwe: 348,
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
                || types.Get(KnownType.Microsoft_AspNetCore_Builder_ForwardedHeadersOptions) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            start.RegisterOperationAction(context => Analyze(context, types), OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "Clear" || List(invocation, types) != "KnownProxies")
        {
            return;
        }

        var networksCleared = false;
        foreach (var other in Invocations(Body(invocation)))
        {
            switch (other.TargetMethod.Name, List(other, types))
            {
                case (_, null):
                    break;
                case ("Clear", "KnownNetworks" or "KnownIPNetworks"):
                    networksCleared = true;
                    break;
                case ("Add" or "Insert", _):
                    // A trusted proxy or network is added back: the lists are an allow-list again.
                    return;
            }
        }

        if (networksCleared && EnvironmentGuard.Classify(invocation, types) is GuardKind.Always or GuardKind.NonDevelopmentOnly)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.Syntax.GetLocation(), "KnownProxies.Clear()"));
        }
    }

    /// <summary>The name of the <c>ForwardedHeadersOptions</c> list the call is made on, or null.</summary>
    private static string? List(IInvocationOperation invocation, KnownTypes types)
        => invocation.Instance is IPropertyReferenceOperation { Property: { Name: "KnownProxies" or "KnownNetworks" or "KnownIPNetworks" } property }
            && types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Builder_ForwardedHeadersOptions)
            ? property.Name
            : null;

    /// <summary>The lambda, local function or member body the call is in.</summary>
    private static IOperation Body(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return parent;
            }

            current = parent;
        }

        return current;
    }

    /// <summary>The invocations of a body, not descending into nested lambdas or local functions.</summary>
    private static IEnumerable<IInvocationOperation> Invocations(IOperation body)
    {
        var stack = new Stack<IOperation>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation && !ReferenceEquals(current, body))
            {
                continue;
            }

            if (current is IInvocationOperation invocation)
            {
                yield return invocation;
            }

            foreach (var child in current.ChildOperations)
            {
                stack.Push(child);
            }
        }
    }
}
