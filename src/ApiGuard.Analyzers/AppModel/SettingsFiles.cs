using System.IO;
using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>What a settings file is to the app.</summary>
internal enum SettingsFileKind
{
    /// <summary>Not a settings file ApiGuard reads.</summary>
    None,

    /// <summary><c>appsettings.json</c>: loaded in every environment.</summary>
    Base,

    /// <summary><c>appsettings.{Environment}.json</c> for an environment that is not a development one.</summary>
    Environment,

    /// <summary><c>appsettings.Development.json</c> (or another development environment's file): never flagged.</summary>
    Development,

    /// <summary><c>Properties/launchSettings.json</c>: local launch profiles; read (a malformed file is reported), not checked by rules yet.</summary>
    LaunchSettings,
}

/// <summary>One settings file among the compilation's additional files.</summary>
internal sealed class SettingsFile
{
    private SettingsFile(AdditionalText file, SettingsFileKind kind, string? environment)
    {
        File = file;
        Kind = kind;
        Environment = environment;
    }

    public AdditionalText File { get; }

    public SettingsFileKind Kind { get; }

    /// <summary>The environment of an <c>appsettings.{Environment}.json</c> file; null for the base file and launch settings.</summary>
    public string? Environment { get; }

    /// <summary>The file name, for messages (<c>appsettings.Production.json</c>).</summary>
    public string Name => Path.GetFileName(File.Path);

    /// <summary>Whether the file applies outside Development: the base file and the files of non-development environments.</summary>
    public bool AppliesOutsideDevelopment => Kind is SettingsFileKind.Base or SettingsFileKind.Environment;

    /// <summary>Whether this is <c>appsettings.Production.json</c>.</summary>
    public bool IsProduction => string.Equals(Environment, "Production", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Classifies an additional file by its name: <c>appsettings.json</c>, <c>appsettings.{Environment}.json</c> (development when the
    /// environment is one of <paramref name="developmentEnvironments"/>), <c>Properties/launchSettings.json</c>; null for any other file.
    /// </summary>
    public static SettingsFile? Classify(AdditionalText file, ImmutableArray<string> developmentEnvironments)
    {
        var name = Path.GetFileName(file.Path);
        if (string.Equals(name, "appsettings.json", StringComparison.OrdinalIgnoreCase))
        {
            return new SettingsFile(file, SettingsFileKind.Base, null);
        }

        if (string.Equals(name, "launchSettings.json", StringComparison.OrdinalIgnoreCase)
            && string.Equals(Path.GetFileName(Path.GetDirectoryName(file.Path)), "Properties", StringComparison.OrdinalIgnoreCase))
        {
            return new SettingsFile(file, SettingsFileKind.LaunchSettings, null);
        }

        const string Prefix = "appsettings.";
        const string Suffix = ".json";
        if (name.Length > Prefix.Length + Suffix.Length
            && name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            var environment = name.Substring(Prefix.Length, name.Length - Prefix.Length - Suffix.Length);
            if (environment.Length == 0 || environment.IndexOf('.') >= 0)
            {
                return null;
            }

            var development = developmentEnvironments.Contains(environment, StringComparer.OrdinalIgnoreCase);
            return new SettingsFile(file, development ? SettingsFileKind.Development : SettingsFileKind.Environment, environment);
        }

        return null;
    }

    /// <summary>The parsed file (shared between rules); null when the text is unavailable.</summary>
    public JsonSettingsDocument? Read(CancellationToken cancellationToken)
        => File.GetText(cancellationToken) is { } text ? JsonSettingsReader.Read(text) : null;

    /// <summary>The location of <paramref name="span"/> in this file, with its line and column.</summary>
    public Location LocationOf(TextSpan span, CancellationToken cancellationToken)
    {
        var text = File.GetText(cancellationToken);
        var lines = text is null ? default : text.Lines.GetLinePositionSpan(span);
        return Location.Create(File.Path, span, lines);
    }
}

/// <summary>
/// The settings files of a compilation (<see cref="AnalyzerOptions.AdditionalFiles"/>, which the package's targets fill with the
/// project's <c>appsettings*.json</c> and <c>Properties/launchSettings.json</c>), and the value production uses for a key.
/// Rules run per file (<c>RegisterAdditionalFileAction</c>) and read a sibling file, such as <c>appsettings.Production.json</c>, from here.
/// </summary>
internal static class SettingsFiles
{
    /// <summary>
    /// The <c>appsettings.{Environment}.json</c> file in the same folder as <paramref name="file"/>, if it is an additional file.
    /// </summary>
    public static SettingsFile? Sibling(SettingsFile file, string environment, AnalyzerOptions options, ImmutableArray<string> developmentEnvironments)
    {
        var directory = Path.GetDirectoryName(file.File.Path);
        foreach (var other in options.AdditionalFiles)
        {
            if (ReferenceEquals(other, file.File) || !string.Equals(Path.GetDirectoryName(other.Path), directory, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (SettingsFile.Classify(other, developmentEnvironments) is { } sibling
                && string.Equals(sibling.Environment, environment, StringComparison.OrdinalIgnoreCase))
            {
                return sibling;
            }
        }

        return null;
    }

    /// <summary>The <c>appsettings.json</c> file in the same folder as <paramref name="file"/>, if it is an additional file.</summary>
    public static SettingsFile? BaseFile(SettingsFile file, AnalyzerOptions options, ImmutableArray<string> developmentEnvironments)
    {
        var directory = Path.GetDirectoryName(file.File.Path);
        foreach (var other in options.AdditionalFiles)
        {
            if (string.Equals(Path.GetDirectoryName(other.Path), directory, StringComparison.OrdinalIgnoreCase)
                && SettingsFile.Classify(other, developmentEnvironments) is { Kind: SettingsFileKind.Base } baseFile)
            {
                return baseFile;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the value of <paramref name="path"/> in <paramref name="file"/> is the one production uses: true in
    /// <c>appsettings.Production.json</c>; true in <c>appsettings.json</c> unless a readable <c>appsettings.Production.json</c> next to it
    /// defines the key (or a section under it); false in every other file.
    /// </summary>
    public static bool ProductionUses(SettingsFile file, string path, AnalyzerOptions options, ImmutableArray<string> developmentEnvironments, CancellationToken cancellationToken)
    {
        if (file.IsProduction)
        {
            return true;
        }

        if (file.Kind != SettingsFileKind.Base)
        {
            return false;
        }

        var production = Sibling(file, "Production", options, developmentEnvironments)?.Read(cancellationToken);
        return production is null || production.Error is not null || !production.Defines(path);
    }

    /// <summary>
    /// Whether a value of <paramref name="path"/> in a file that applies outside Development is overridden for production: the file
    /// is <c>appsettings.json</c> and <c>appsettings.Production.json</c> defines the key. Staging and other environments still
    /// use the base value, so rules about non-development files report it unless production overrides it.
    /// </summary>
    public static bool OverriddenInProduction(SettingsFile file, string path, AnalyzerOptions options, ImmutableArray<string> developmentEnvironments, CancellationToken cancellationToken)
        => file.Kind == SettingsFileKind.Base && !ProductionUses(file, path, options, developmentEnvironments, cancellationToken);
}
