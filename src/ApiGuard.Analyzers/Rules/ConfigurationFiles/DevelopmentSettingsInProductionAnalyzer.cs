using System.Threading;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.ConfigurationFiles;

/// <summary>
/// AG0803: a settings file that applies outside Development turns on a development setting: <c>"DetailedErrors": true</c> (exception
/// details in responses), or a <c>Debug</c>/<c>Trace</c> log level for ASP.NET Core (request headers, cookies and bodies in the
/// logs). The log level is the one the <c>Microsoft.AspNetCore</c> category gets in that environment: the most specific of
/// <c>Microsoft.AspNetCore</c>, <c>Microsoft</c> and <c>Default</c> under <c>Logging:LogLevel</c>, with the environment's file over
/// <c>appsettings.json</c>. A value in <c>appsettings.json</c> that <c>appsettings.Production.json</c> overrides is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DevelopmentSettingsInProductionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The keys that set the log level of <c>Microsoft.AspNetCore</c>, most specific first.</summary>
    private static readonly string[] AspNetCoreLogLevelKeys =
    {
        "Logging:LogLevel:Microsoft.AspNetCore",
        "Logging:LogLevel:Microsoft",
        "Logging:LogLevel:Default",
    };

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.DevelopmentSettingsInProduction,
        title: "Keep development settings out of production configuration",
        messageFormat: "'{0}' is '{1}' in {2}, which applies outside Development; move it to appsettings.Development.json",
        description: "Detailed errors show exception details to clients, and Debug or Trace logging of ASP.NET Core writes request headers, "
            + "cookies and tokens to the logs. Set them only in appsettings.Development.json.",
        RuleArea.ConfigurationFiles,
        DiagnosticSeverity.Warning,
        cwe: 215,
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
        if (file is null || !file.AppliesOutsideDevelopment || file.Read(context.CancellationToken) is not { Error: null } document)
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        if (document.Get("DetailedErrors") is { } detailedErrors
            && (detailedErrors.Kind == JsonSettingKind.True || (detailedErrors.Kind == JsonSettingKind.String && string.Equals(detailedErrors.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
            && !SettingsFiles.OverriddenInProduction(file, detailedErrors.Path, context.Options, developmentEnvironments, cancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, file.LocationOf(detailedErrors.ValueSpan, cancellationToken), detailedErrors.Path, "true", file.Name));
        }

        if (AspNetCoreLogLevel(file, document, context.Options, developmentEnvironments, cancellationToken) is { } level
            && level.Value.Trim() is var value
            && (string.Equals(value, "Debug", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "Trace", StringComparison.OrdinalIgnoreCase)))
        {
            context.ReportDiagnostic(Diagnostic.Create(Rule, file.LocationOf(level.ValueSpan, cancellationToken), level.Path, value, file.Name));
        }
    }

    /// <summary>
    /// The setting in <paramref name="document"/> that decides the <c>Microsoft.AspNetCore</c> log level where this file applies; null
    /// when the deciding setting is in another file (the base file under an environment's file, or the production override of the base file).
    /// </summary>
    private static JsonSetting? AspNetCoreLogLevel(SettingsFile file, JsonSettingsDocument document, AnalyzerOptions options, ImmutableArray<string> developmentEnvironments, CancellationToken cancellationToken)
    {
        var layers = new List<JsonSettingsDocument>();
        if (file.Kind == SettingsFileKind.Environment)
        {
            // An environment's file is layered over appsettings.json.
            if (SettingsFiles.BaseFile(file, options, developmentEnvironments)?.Read(cancellationToken) is { Error: null } baseDocument)
            {
                layers.Add(baseDocument);
            }
        }

        layers.Add(document);
        var deciding = Deciding(layers);
        if (deciding is null || !ReferenceEquals(deciding.Value.Document, document))
        {
            return null;
        }

        if (file.Kind == SettingsFileKind.Base
            && SettingsFiles.Sibling(file, "Production", options, developmentEnvironments)?.Read(cancellationToken) is { Error: null } production)
        {
            // Production uses the base value only when the production file does not decide the level itself.
            var inProduction = Deciding(new List<JsonSettingsDocument> { document, production });
            if (inProduction is not null && !ReferenceEquals(inProduction.Value.Document, document))
            {
                return null;
            }
        }

        return deciding.Value.Setting;
    }

    private static (JsonSettingsDocument Document, JsonSetting Setting)? Deciding(List<JsonSettingsDocument> layers)
    {
        foreach (var key in AspNetCoreLogLevelKeys)
        {
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                if (layers[i].Get(key) is { Kind: JsonSettingKind.String } setting)
                {
                    return (layers[i], setting);
                }
            }
        }

        return null;
    }
}
