using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.HeadersAndCookies;

/// <summary>
/// AG0702: a cookie may travel over plain HTTP: <c>CookieOptions.Secure = false</c>, or <c>CookieSecurePolicy.None</c> /
/// <c>SameAsRequest</c> on a <c>CookieBuilder</c> (authentication, session, antiforgery, TempData cookies) or on
/// <c>CookiePolicyOptions.Secure</c>, with the value it has outside Development (<c>Secure = !env.IsDevelopment()</c> is fine).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieWithoutSecureAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: <see cref="BoolKind"/> when the fix writes <c>true</c>, <see cref="PolicyKind"/> when it writes <c>CookieSecurePolicy.Always</c>.</summary>
    public const string KindProperty = "Kind";

    public const string BoolKind = "Bool";

    public const string PolicyKind = "Policy";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.CookieWithoutSecure,
        title: "Send cookies over HTTPS only",
        messageFormat: "'{0}' lets the browser send this cookie over plain HTTP",
        description: "A cookie without the Secure attribute is sent on plain-HTTP requests too, where anyone on the network can read it "
            + "and steal the session. Set Secure = true, or SecurePolicy = CookieSecurePolicy.Always.",
        RuleArea.HeadersAndCookies,
        DiagnosticSeverity.Warning,
        cwe: 614,
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
            if (!CookieSettings.IsAvailable(types) || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            start.RegisterOperationAction(context => Analyze(context, types), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var property = CookieSettings.Target(assignment);
        string kind;
        if (CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Http_CookieOptions, "Secure", types))
        {
            if (!EnvironmentValue.IsOutsideDevelopment(assignment.Value, types, false))
            {
                return;
            }

            kind = BoolKind;
        }
        else if (CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Http_CookieBuilder, "SecurePolicy", types)
            || CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Builder_CookiePolicyOptions, "Secure", types))
        {
            if (!IsInsecurePolicy(assignment.Value, types))
            {
                return;
            }

            kind = PolicyKind;
        }
        else
        {
            return;
        }

        if (EnvironmentGuard.Classify(assignment, types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);
        context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), properties, Shorten(assignment.Syntax.ToString())));
    }

    /// <summary><c>CookieSecurePolicy.None</c> or <c>SameAsRequest</c> outside Development.</summary>
    private static bool IsInsecurePolicy(IOperation value, KnownTypes types)
        => EnvironmentValue.OutsideDevelopment(value, types) is { HasValue: true, Value: int policy }
            && policy is CookieSettings.None or CookieSettings.SameAsRequest;

    internal static string Shorten(string text)
        => text.IndexOf('\n') < 0 && text.Length <= 80 ? text : "this setting";
}
