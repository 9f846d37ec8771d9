using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.ConfigurationFiles;

/// <summary>
/// AG0802: <c>"AllowedHosts": "*"</c> in the settings production uses (<c>appsettings.json</c> unless <c>appsettings.Production.json</c>
/// overrides the key, or <c>appsettings.Production.json</c> itself), so host filtering accepts any <c>Host</c> header. Links the app
/// builds from the request host (password-reset mails, redirects, absolute URLs) can then point to an attacker's host. The
/// templates ship this value and a proxy often filters hosts instead, so the rule is a suggestion.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AllowedHostsWildcardAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The configuration key of host filtering.</summary>
    public const string AllowedHostsKey = "AllowedHosts";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.AllowedHostsWildcard,
        title: "List the allowed hosts in production settings",
        messageFormat: "'AllowedHosts' is '{0}' in {1}, the settings production uses, so any Host header is accepted; list the host names the app serves",
        description: "With AllowedHosts set to *, host filtering accepts any Host header, and URLs the app builds from the request (password "
            + "reset links, redirects) can point to an attacker's host. List the app's host names, or filter hosts at the proxy.",
        RuleArea.ConfigurationFiles,
        DiagnosticSeverity.Info,
        cwe: 644,
        owasp: "API8",
        hasCodeFix: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp || start.Options.AdditionalFiles.IsEmpty || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            start.RegisterAdditionalFileAction(Analyze);
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile);
        var developmentEnvironments = ApiGuardOptions.ConfigDevelopmentEnvironments.Read(options);
        var file = SettingsFile.Classify(context.AdditionalFile, developmentEnvironments);
        if (file is null || !(file.Kind == SettingsFileKind.Base || (file.Kind == SettingsFileKind.Environment && file.IsProduction)))
        {
            return;
        }

        if (file.Read(context.CancellationToken) is not { Error: null } document
            || document.Get(AllowedHostsKey) is not { Kind: JsonSettingKind.String } setting
            || !setting.Value.Split(';').Any(h => h.Trim() == "*")
            || !SettingsFiles.ProductionUses(file, AllowedHostsKey, context.Options, developmentEnvironments, context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, file.LocationOf(setting.ValueSpan, context.CancellationToken), setting.Value, file.Name));
    }
}
