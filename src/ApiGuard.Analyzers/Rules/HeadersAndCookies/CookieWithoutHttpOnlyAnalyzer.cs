using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.HeadersAndCookies;

/// <summary>
/// AG0703: a cookie that holds a session or an authentication token is readable by scripts, so one XSS bug leaks it:
/// <c>HttpOnly = false</c> on a <c>CookieBuilder</c> (authentication, session, antiforgery cookies), <c>CookiePolicyOptions.HttpOnly =
/// HttpOnlyPolicy.None</c>, and <c>Response.Cookies.Append(name, …)</c> without <c>HttpOnly = true</c> when the constant name marks a
/// session or token (<c>apiguard.cookies.sensitive_cookie_names</c>), except cookies scripts must read
/// (<c>apiguard.cookies.script_readable_cookie_names</c>, such as <c>XSRF-TOKEN</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CookieWithoutHttpOnlyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: what the fix does (<see cref="BoolKind"/>, <see cref="PolicyKind"/>, <see cref="AddMemberKind"/>, <see cref="AddOptionsKind"/>).</summary>
    public const string KindProperty = "Kind";

    /// <summary>The diagnostic is on an assignment whose value becomes <c>true</c>.</summary>
    public const string BoolKind = "Bool";

    /// <summary>The diagnostic is on an assignment whose value becomes <c>HttpOnlyPolicy.Always</c>.</summary>
    public const string PolicyKind = "Policy";

    /// <summary><c>AdditionalLocations[0]</c> is the <c>new CookieOptions …</c> that gets <c>HttpOnly = true</c>.</summary>
    public const string AddMemberKind = "AddMember";

    /// <summary><c>AdditionalLocations[0]</c> is the <c>Append(name, value)</c> call that gets a <c>new CookieOptions { HttpOnly = true }</c> argument.</summary>
    public const string AddOptionsKind = "AddOptions";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.CookieWithoutHttpOnly,
        title: "Keep session and authentication cookies away from scripts",
        messageFormat: "{0} is readable by scripts: set HttpOnly = true",
        description: "A cookie without the HttpOnly attribute can be read by JavaScript, so a single cross-site scripting bug lets an attacker "
            + "steal the session or token it holds. Set HttpOnly = true on authentication, session and antiforgery cookies.",
        RuleArea.HeadersAndCookies,
        DiagnosticSeverity.Warning,
        cwe: 1004,
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

            start.RegisterOperationAction(context => AnalyzeAssignment(context, types), OperationKind.SimpleAssignment);
            if (types.Get(KnownType.Microsoft_AspNetCore_Http_IResponseCookies) is not null)
            {
                start.RegisterOperationAction(context => AnalyzeAppend(context, types), OperationKind.Invocation);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, KnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        var property = CookieSettings.Target(assignment);
        string kind;
        if (CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Http_CookieBuilder, "HttpOnly", types))
        {
            if (!EnvironmentValue.IsOutsideDevelopment(assignment.Value, types, false))
            {
                return;
            }

            kind = BoolKind;
        }
        else if (CookieSettings.Is(property, KnownType.Microsoft_AspNetCore_Builder_CookiePolicyOptions, "HttpOnly", types))
        {
            if (EnvironmentValue.OutsideDevelopment(assignment.Value, types) is not { HasValue: true, Value: int policy } || policy != CookieSettings.HttpOnlyPolicyNone)
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

        Report(context, assignment.Syntax.GetLocation(), null, kind, "'" + CookieWithoutSecureAnalyzer.Shorten(assignment.Syntax.ToString()) + "'");
    }

    private static void AnalyzeAppend(OperationAnalysisContext context, KnownTypes types)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (method.Name != "Append"
            || !types.IsOrInherits(method.ContainingType, KnownType.Microsoft_AspNetCore_Http_IResponseCookies)
            || method.Parameters.Length is not (2 or 3)
            || method.Parameters[0].Type.SpecialType != SpecialType.System_String
            || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value.ConstantValue is not { HasValue: true, Value: string name })
        {
            return;
        }

        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(invocation.Syntax.SyntaxTree);
        if (!IsSensitive(name, ApiGuardOptions.CookiesSensitiveCookieNames.Read(options), ApiGuardOptions.CookiesScriptReadableCookieNames.Read(options))
            || EnvironmentGuard.Classify(invocation, types) is GuardKind.DevelopmentOnly or GuardKind.Unknown)
        {
            return;
        }

        var subject = "Cookie '" + name + "'";
        if (method.Parameters.Length == 2)
        {
            Report(context, NameToEnd(invocation.Syntax), invocation.Syntax.GetLocation(), AddOptionsKind, subject);
            return;
        }

        var argument = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 2);
        if (argument is null || CookieSettings.AssignmentsOnValue(argument.Value) is not { } settings)
        {
            return;
        }

        if (CookieSettings.Find(settings, KnownType.Microsoft_AspNetCore_Http_CookieOptions, "HttpOnly", types) is { } httpOnly)
        {
            // Set explicitly: report only a value that is false outside Development, on the setting itself.
            if (EnvironmentValue.IsOutsideDevelopment(httpOnly.Value, types, false))
            {
                Report(context, httpOnly.Syntax.GetLocation(), null, BoolKind, subject);
            }

            return;
        }

        if (CreationOf(argument.Value) is { } creation)
        {
            Report(context, argument.Syntax.GetLocation(), creation.Syntax.GetLocation(), AddMemberKind, subject);
        }
    }

    /// <summary>
    /// Whether a cookie name marks a session or token: a word longer than three letters anywhere in it, a shorter one as a whole part
    /// (split at anything but letters and digits), and not a name scripts must read.
    /// </summary>
    internal static bool IsSensitive(string name, ImmutableArray<string> words, ImmutableArray<string> scriptReadable)
    {
        if (scriptReadable.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var parts = name.Split(name.Where(c => !char.IsLetterOrDigit(c)).Distinct().ToArray(), StringSplitOptions.RemoveEmptyEntries);
        return words.Any(word => word.Length > 3
            ? name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0
            : parts.Any(p => string.Equals(p, word, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The <c>new CookieOptions …</c> a value is, or the one a local is declared with.</summary>
    private static IObjectCreationOperation? CreationOf(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value is ILocalReferenceOperation local && LocalValues.DeclaredValue(local) is { } declared)
        {
            value = declared;
            while (value is IConversionOperation { IsImplicit: true } conversion)
            {
                value = conversion.Operand;
            }
        }

        return value as IObjectCreationOperation;
    }

    private static Location NameToEnd(SyntaxNode syntax)
    {
        if (syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation)
        {
            return Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End));
        }

        return syntax.GetLocation();
    }

    private static void Report(OperationAnalysisContext context, Location location, Location? fixTarget, string kind, string subject)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, kind);
        var additional = fixTarget is null ? Array.Empty<Location>() : new[] { fixTarget };
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, additional, properties, subject));
    }
}
