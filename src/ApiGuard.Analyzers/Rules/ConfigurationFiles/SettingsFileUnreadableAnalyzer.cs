using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.ConfigurationFiles;

/// <summary>
/// AG0804: a settings file (<c>appsettings*.json</c>, <c>Properties/launchSettings.json</c>) is not JSON as the configuration provider
/// reads it (comments and trailing commas are fine), so the configuration-file rules could not check it, and the app or
/// <c>dotnet run</c> fails when it loads the file. Reported once per file, where reading stopped.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SettingsFileUnreadableAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.SettingsFileUnreadable,
        title: "Keep settings files valid JSON",
        messageFormat: "{0} could not be read ({1}); it was not checked for security settings, and ASP.NET Core will fail to load it",
        description: "A settings file that is not valid JSON cannot be checked for secrets and insecure settings, and the configuration "
            + "provider throws when it loads it. Comments and trailing commas are allowed.",
        RuleArea.ConfigurationFiles,
        DiagnosticSeverity.Warning,
        cwe: 1286,
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
        var file = SettingsFile.Classify(context.AdditionalFile, ApiGuardOptions.ConfigDevelopmentEnvironments.Read(options));
        if (file?.Read(context.CancellationToken) is { Error: { } error } document)
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, file.LocationOf(document.ErrorSpan, context.CancellationToken), file.Name, error));
        }
    }
}
