using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.Transport;

/// <summary>
/// AG0104: <c>RequireHttpsMetadata</c> is false outside Development on <c>JwtBearerOptions</c> or <c>OpenIdConnectOptions</c>, so the
/// handler may download the authority's discovery document and signing keys over plain HTTP. Whoever can change that response can
/// hand the API their own signing keys and issue tokens it accepts. The value is read beyond literals (constants,
/// <c>env.IsDevelopment()</c> as a value, ternaries on the environment) through <see cref="EnvironmentValue"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HttpsMetadataDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.HttpsMetadataDisabled,
        title: "Require HTTPS for token metadata",
        messageFormat: "'{0}' is false outside Development, so the signing keys may be fetched over plain HTTP",
        description: "With RequireHttpsMetadata = false, the authentication handler accepts an http:// authority and downloads its discovery "
            + "document and signing keys without TLS. Anyone on the network path can swap in their own keys and forge tokens the API accepts.",
        RuleArea.Transport,
        DiagnosticSeverity.Warning,
        cwe: 319,
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
                || (types.Get(KnownType.Microsoft_AspNetCore_Authentication_JwtBearer_JwtBearerOptions) is null
                    && types.Get(KnownType.Microsoft_AspNetCore_Authentication_OpenIdConnect_OpenIdConnectOptions) is null)
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            start.RegisterOperationAction(context => Analyze(context, types), OperationKind.SimpleAssignment);
        });
    }

    private static void Analyze(OperationAnalysisContext context, KnownTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "RequireHttpsMetadata" } property }
            || !(types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Authentication_JwtBearer_JwtBearerOptions)
                || types.IsOrInherits(property.ContainingType, KnownType.Microsoft_AspNetCore_Authentication_OpenIdConnect_OpenIdConnectOptions))
            || !EnvironmentValue.IsOutsideDevelopment(assignment.Value, types, false)
            || EnvironmentGuard.Classify(assignment, types) is not (GuardKind.Always or GuardKind.NonDevelopmentOnly))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, assignment.Syntax.GetLocation(), property.ContainingType.Name + ".RequireHttpsMetadata"));
    }
}
