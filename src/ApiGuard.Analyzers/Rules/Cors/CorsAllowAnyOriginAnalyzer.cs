using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Cors;

/// <summary>
/// AG0201: a CORS policy admits any origin (<c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c>, an always-true
/// <c>SetIsOriginAllowed</c> predicate, <c>CorsPolicy.Origins.Add("*")</c>), so any website can read the API's responses.
/// AG0202: an always-true origin predicate on a policy that also allows credentials: the middleware reflects every origin
/// with credentials, so any website can act as the signed-in user.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class CorsAllowAnyOriginAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property naming the <see cref="PermissiveOriginForm"/> found.</summary>
    public const string FormProperty = "Form";

    /// <summary>Property holding the index in <c>AdditionalLocations</c> of the first <c>AllowAnyMethod()</c> call, if any.</summary>
    public const string AnyMethodProperty = "AnyMethod";

    /// <summary>Property holding the index in <c>AdditionalLocations</c> of the first <c>AllowAnyHeader()</c> call, if any.</summary>
    public const string AnyHeaderProperty = "AnyHeader";

    internal static readonly DiagnosticDescriptor AnyOriginRule = Descriptors.Descriptors.Create(
        RuleIds.CorsAllowAnyOrigin,
        title: "Do not allow any CORS origin",
        messageFormat: "'{0}' lets every website read this API's responses{1}",
        description: "A CORS policy that admits any origin lets scripts on every website call the API from a visitor's browser and read the responses. "
            + "List the trusted origins with WithOrigins(...) instead.",
        RuleArea.Cors,
        DiagnosticSeverity.Warning,
        cwe: 942,
        owasp: "API8",
        hasCodeFix: true);

    internal static readonly DiagnosticDescriptor CredentialsRule = Descriptors.Descriptors.Create(
        RuleIds.CorsAnyOriginWithCredentials,
        title: "Do not reflect every CORS origin with credentials",
        messageFormat: "'{0}' accepts every origin on a policy that allows credentials, so any website can call this API as the signed-in user",
        description: "An origin predicate that accepts everything, combined with AllowCredentials(), makes the CORS middleware echo every origin "
            + "with Access-Control-Allow-Credentials: true. Any website can then send requests with the user's cookies and read the answers.",
        RuleArea.Cors,
        DiagnosticSeverity.Error,
        cwe: 942,
        owasp: "API8",
        hasCodeFix: true);

    /// <summary>The message suffix of AG0201 when the policy also allows credentials.</summary>
    internal const string StartupFailureSuffix = "; with AllowCredentials() ASP.NET Core also rejects the policy when it is built, so the app fails at start-up";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(AnyOriginRule, CredentialsRule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!CorsPolicyModel.IsAvailable(types) || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(types);
            start.RegisterOperationAction(analysis.Analyze, OperationKind.Invocation, OperationKind.ObjectCreation);
        });
    }

    private sealed class CompilationAnalysis
    {
        private readonly KnownTypes _types;

        public CompilationAnalysis(KnownTypes types) => _types = types;

        public void Analyze(OperationAnalysisContext context)
        {
            var form = CorsPolicyModel.GetPermissiveForm(context.Operation, _types);
            if (form == PermissiveOriginForm.None)
            {
                return;
            }

            var guard = EnvironmentGuard.Classify(context.Operation, _types);
            if (guard is GuardKind.DevelopmentOnly or GuardKind.Unknown)
            {
                return;
            }

            var policy = CorsPolicyModel.Describe(context.Operation, _types);
            var syntax = context.Operation.Syntax;
            var (location, name) = ReportLocation(syntax);

            // The fixer rewrites AdditionalLocations[0] (the whole call), and may narrow the AllowAnyMethod/AllowAnyHeader calls after it.
            var additional = new List<Location> { syntax.GetLocation() };
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(FormProperty, form.ToString());
            if (policy.AnyMethod.Length > 0)
            {
                properties.Add(AnyMethodProperty, additional.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                additional.Add(policy.AnyMethod[0].Syntax.GetLocation());
            }

            if (policy.AnyHeader.Length > 0)
            {
                properties.Add(AnyHeaderProperty, additional.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                additional.Add(policy.AnyHeader[0].Syntax.GetLocation());
            }

            var diagnostic = form == PermissiveOriginForm.AcceptAllPredicate && policy.Credentials is not null
                ? Diagnostic.Create(CredentialsRule, location, additional, properties.ToImmutable(), name)
                : Diagnostic.Create(
                    AnyOriginRule,
                    location,
                    additional,
                    properties.ToImmutable(),
                    name,
                    policy.Credentials is not null && form != PermissiveOriginForm.AcceptAllPredicate ? StartupFailureSuffix : string.Empty);
            context.ReportDiagnostic(diagnostic);
        }

        /// <summary>The narrowest location: from the method name to the end of the call (<c>AllowAnyOrigin()</c>), or the whole creation.</summary>
        private static (Location Location, string Name) ReportLocation(SyntaxNode syntax)
        {
            if (syntax is InvocationExpressionSyntax invocation)
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name,
                    MemberBindingExpressionSyntax binding => binding.Name,
                    SimpleNameSyntax simple => simple,
                    _ => null,
                };

                if (name is not null && name.Identifier.ValueText != "Add")
                {
                    var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(name.SpanStart, invocation.Span.End);
                    return (Location.Create(syntax.SyntaxTree, span), Shorten(syntax.SyntaxTree.GetText().ToString(span), name.Identifier.ValueText));
                }
            }

            return (syntax.GetLocation(), Shorten(syntax.ToString(), syntax.ToString()));
        }

        /// <summary>The call as written when it fits on one short line, else its name with <c>(...)</c>.</summary>
        private static string Shorten(string text, string name)
            => text.IndexOf('\n') < 0 && text.Length <= 80 ? text : (name.Length <= 80 && name.IndexOf('\n') < 0 ? name + "(...)" : "this call");
    }
}
