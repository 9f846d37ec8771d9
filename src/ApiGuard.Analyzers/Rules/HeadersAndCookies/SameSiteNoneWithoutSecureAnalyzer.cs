using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.HeadersAndCookies;

/// <summary>
/// AG0704: <c>SameSite = SameSiteMode.None</c> on a <c>CookieOptions</c> or <c>CookieBuilder</c> whose <c>Secure</c> /
/// <c>SecurePolicy</c> is never set on the same object. Browsers reject <c>SameSite=None</c> cookies without <c>Secure</c>, and
/// older ones send them cross-site over plain HTTP. When <c>Secure</c> is set to an insecure value, AG0702 reports it and this
/// rule stays silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SameSiteNoneWithoutSecureAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the member the fix adds, <see cref="SecureMember"/> or <see cref="SecurePolicyMember"/>.</summary>
    public const string MemberProperty = "Member";

    public const string SecureMember = "Secure";

    public const string SecurePolicyMember = "SecurePolicy";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.SameSiteNoneWithoutSecure,
        title: "Mark SameSite=None cookies Secure",
        messageFormat: "'{0}' is not marked Secure: browsers reject it, or send it cross-site over plain HTTP",
        description: "A cookie with SameSite=None is sent on cross-site requests. Browsers require such a cookie to be Secure and drop it "
            + "otherwise; older browsers send it cross-site over plain HTTP. Set Secure = true (CookieSecurePolicy.Always on a CookieBuilder).",
        RuleArea.HeadersAndCookies,
        DiagnosticSeverity.Warning,
        cwe: 1275,
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
        KnownType owner;
        string member;
        if (CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Http_CookieOptions, "SameSite", types))
        {
            owner = KnownType.Microsoft_AspNetCore_Http_CookieOptions;
            member = SecureMember;
        }
        else if (CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Http_CookieBuilder, "SameSite", types))
        {
            owner = KnownType.Microsoft_AspNetCore_Http_CookieBuilder;
            member = SecurePolicyMember;
        }
        else
        {
            return;
        }

        if (EnvironmentValue.OutsideDevelopment(assignment.Value, types) is not { HasValue: true, Value: int mode }
            || mode != CookieSettings.SameSiteNone
            || EnvironmentGuard.Classify(assignment, types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
        {
            return;
        }

        // Any Secure setting on the same object silences the rule: a secure one is the fix, an insecure one is AG0702's finding,
        // and one with no known value is not ours to judge. An object whose settings cannot all be seen is not reported.
        if (CookieSettings.SiblingAssignments(assignment) is not { } siblings || CookieSettings.Find(siblings, owner, member, types) is not null)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, member);
        context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), properties, CookieWithoutSecureAnalyzer.Shorten(assignment.Syntax.ToString())));
    }
}
