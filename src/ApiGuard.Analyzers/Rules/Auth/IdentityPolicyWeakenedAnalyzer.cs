using System.Globalization;
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
/// AG0305: ASP.NET Core Identity's protection against password guessing is weakened: <c>Password.RequiredLength</c> below a
/// minimum, lockout off for new users (<c>Lockout.AllowedForNewUsers = false</c>), <c>Lockout.MaxFailedAccessAttempts</c> above a
/// bound, or a password sign-in with <c>lockoutOnFailure: false</c>. Values are read as they are outside Development
/// (<see cref="EnvironmentValue"/>); code that runs only in Development is not reported. Reported on the value; the fix replaces it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IdentityPolicyWeakenedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the C# expression the fix writes in place of the reported value.</summary>
    public const string ReplacementProperty = "Replacement";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.IdentityPolicyWeakened,
        title: "Do not weaken the Identity password and lockout policy",
        messageFormat: "{0}",
        description: "Short passwords and sign-ins that never lock an account out let attackers guess or stuff credentials at the rate the server "
            + "allows. Keep Password.RequiredLength at 8 or more, keep lockout on for new users with a low MaxFailedAccessAttempts, and sign in "
            + "with lockoutOnFailure: true.",
        RuleArea.Auth,
        DiagnosticSeverity.Warning,
        cwe: 521,
        owasp: "API2",
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
                || (types.Get(KnownType.Microsoft_AspNetCore_Identity_PasswordOptions) is null && types.Get(KnownType.Microsoft_AspNetCore_Identity_SignInManager_1) is null)
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types, start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;
        private readonly AnalyzerConfigOptionsProvider _options;

        public CompilationAnalysis(KnownTypes types, AnalyzerConfigOptionsProvider options)
        {
            _types = types;
            _options = options;
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
                || !(_types.IsType(property.ContainingType, KnownType.Microsoft_AspNetCore_Identity_PasswordOptions) || _types.IsType(property.ContainingType, KnownType.Microsoft_AspNetCore_Identity_LockoutOptions))
                || !RunsOutsideDevelopment(assignment))
            {
                return;
            }

            var value = EnvironmentValue.OutsideDevelopment(assignment.Value, _types);
            if (!value.HasValue)
            {
                return;
            }

            var options = _options.GetOptions(assignment.Syntax.SyntaxTree);
            if (_types.IsType(property.ContainingType, KnownType.Microsoft_AspNetCore_Identity_PasswordOptions) && property.Name == "RequiredLength")
            {
                var minimum = ApiGuardOptions.AuthorizationMinPasswordLength.Read(options);
                if (value.Value is int length && length < minimum)
                {
                    Report(context, assignment.Value, $"Password.RequiredLength is {length.ToString(CultureInfo.InvariantCulture)}, below the minimum of {minimum.ToString(CultureInfo.InvariantCulture)}", minimum.ToString(CultureInfo.InvariantCulture));
                }
            }
            else if (_types.IsType(property.ContainingType, KnownType.Microsoft_AspNetCore_Identity_LockoutOptions))
            {
                if (property.Name == "AllowedForNewUsers" && value.Value is false)
                {
                    Report(context, assignment.Value, "Lockout.AllowedForNewUsers is false: new accounts are never locked out, whatever the failed sign-ins", "true");
                }
                else if (property.Name == "MaxFailedAccessAttempts" && value.Value is int attempts)
                {
                    var maximum = ApiGuardOptions.AuthorizationMaxFailedAccessAttempts.Read(options);
                    if (attempts > maximum)
                    {
                        Report(context, assignment.Value, $"Lockout.MaxFailedAccessAttempts is {attempts.ToString(CultureInfo.InvariantCulture)}, above the maximum of {maximum.ToString(CultureInfo.InvariantCulture)}", maximum.ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name is not ("PasswordSignInAsync" or "CheckPasswordSignInAsync")
                || !IsSignInManagerMethod(invocation.TargetMethod)
                || invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "lockoutOnFailure") is not { IsImplicit: false } argument
                || !EnvironmentValue.IsOutsideDevelopment(argument.Value, _types, false)
                || !RunsOutsideDevelopment(invocation))
            {
                return;
            }

            Report(context, argument.Value, $"{invocation.TargetMethod.Name}(lockoutOnFailure: false) never locks the account out, however many passwords are tried", "true");
        }

        /// <summary>A method of <c>SignInManager&lt;TUser&gt;</c>, or an override of one in a subclass.</summary>
        private bool IsSignInManagerMethod(IMethodSymbol method)
        {
            for (var current = method; current is not null; current = current.OverriddenMethod)
            {
                if (_types.IsType(current.ContainingType, KnownType.Microsoft_AspNetCore_Identity_SignInManager_1))
                {
                    return true;
                }
            }

            return false;
        }

        private bool RunsOutsideDevelopment(IOperation operation)
            => EnvironmentGuard.Classify(operation, _types) is GuardKind.Always or GuardKind.NonDevelopmentOnly;

        private static void Report(OperationAnalysisContext context, IOperation value, string message, string replacement)
        {
            var syntax = value.Syntax is ArgumentSyntax argument ? argument.Expression : value.Syntax;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement);
            context.ReportDiagnostic(Diagnostic.Create(Rule, syntax.GetLocation(), properties, message));
        }
    }
}
