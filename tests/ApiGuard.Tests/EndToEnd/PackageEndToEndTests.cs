using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ApiGuard.Tests.Infrastructure;
using Xunit;

namespace ApiGuard.Tests.EndToEnd;

/// <summary>
/// The package as users get it: packed, restored by version from a local feed into an empty packages folder, and used by
/// real <c>dotnet build</c> and <c>dotnet format</c> runs on the sample apps. Slow; run alone with
/// <c>dotnet test --filter Category=EndToEnd</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class PackageEndToEndTests : IClassFixture<PackageFixture>
{
    private const string TreatAsErrors = "<PropertyGroup><ApiGuardTreatAsErrors>true</ApiGuardTreatAsErrors></PropertyGroup>";

    private readonly PackageFixture _package;

    public PackageEndToEndTests(PackageFixture package) => _package = package;

    [Fact]
    public void Package_HasAnalyzerOnlyDevelopmentDependencyLayout()
    {
        using var zip = ZipFile.OpenRead(_package.PackagePath);
        var entries = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("package/services/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var expected = new[]
        {
            "ApiGuard.Analyzers.nuspec",
            "README.md",
            "[Content_Types].xml",
            "_rels/.rels",
            "analyzers/dotnet/cs/ApiGuard.Analyzers.dll",
            "analyzers/dotnet/cs/ApiGuard.CodeFixes.dll",
            "build/ApiGuard.Analyzers.props",
            "build/ApiGuard.Analyzers.targets",
            "build/config/none.globalconfig",
            "build/config/recommended.globalconfig",
            "build/config/strict.globalconfig",
            "buildTransitive/ApiGuard.Analyzers.props",
            "buildTransitive/ApiGuard.Analyzers.targets",
            "buildTransitive/config/none.globalconfig",
            "buildTransitive/config/recommended.globalconfig",
            "buildTransitive/config/strict.globalconfig",
        }.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, entries);

        using var nuspecStream = zip.GetEntry("ApiGuard.Analyzers.nuspec")!.Open();
        var nuspec = XDocument.Load(nuspecStream);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal("ApiGuard.Analyzers", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal("true", metadata.Elements().Single(e => e.Name.LocalName == "developmentDependency").Value);
        Assert.DoesNotContain(metadata.Descendants(), e => e.Name.LocalName == "dependency");
    }

    [Fact]
    public async Task InsecureSample_Build_ReportsAG0201AtFileAndLine()
    {
        var project = _package.CreateApp("InsecureApi");
        var (line, column) = Find(Path.Combine(Path.GetDirectoryName(project)!, "Program.cs"), "AllowAnyOrigin()");

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"Program.cs({line},{column}): warning AG0201", build.Output, StringComparison.Ordinal);
        Assert.Contains("warning AG0202", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsecureSample_TreatAsErrorsInProjectFile_FailsBuild()
    {
        var project = _package.CreateApp("InsecureApi", TreatAsErrors);

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode != 0, build.ToString());
        Assert.Contains("error AG0201", build.Output, StringComparison.Ordinal);
        Assert.Contains("error AG0202", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsecureSample_AnalysisModeNoneInProjectFile_ReportsNothing()
    {
        var project = _package.CreateApp("InsecureApi", "<PropertyGroup><ApiGuardAnalysisMode>none</ApiGuardAnalysisMode></PropertyGroup>");
        File.Delete(Path.Combine(Path.GetDirectoryName(project)!, ".editorconfig"));
        File.Delete(Path.Combine(Path.GetDirectoryName(project)!, ".globalconfig"));

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(new Regex("(warning|error) AG0"), build.Output);
    }

    [Fact]
    public async Task InsecureSample_Build_AnalyzesSettingsFilesWithNoSetup()
    {
        var project = _package.CreateApp("InsecureApi");
        var settings = Path.Combine(Path.GetDirectoryName(project)!, "appsettings.json");
        var (secretLine, secretColumn) = Find(settings, "\"Hq7-vT2m-Lp9x\"");
        var (logLine, logColumn) = Find(settings, "\"Debug\"");

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"appsettings.json({secretLine},{secretColumn}): warning AG0801", build.Output, StringComparison.Ordinal);
        Assert.Contains($"appsettings.json({logLine},{logColumn}): warning AG0803", build.Output, StringComparison.Ordinal);
        Assert.Contains("appsettings.Staging.json(4,3): warning AG0804", build.Output, StringComparison.Ordinal);

        // AG0802 is a suggestion by default: the IDE shows it, the command-line build does not print it.
        Assert.DoesNotContain("AG0802", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsecureSample_StrictModeInProjectFile_RaisesSettingsSuggestionToWarning()
    {
        var project = _package.CreateApp("InsecureApi", "<PropertyGroup><ApiGuardAnalysisMode>strict</ApiGuardAnalysisMode></PropertyGroup>");
        var (line, column) = Find(Path.Combine(Path.GetDirectoryName(project)!, "appsettings.json"), "\"*\"");

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains($"appsettings.json({line},{column}): warning AG0802", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsecureSample_SettingsFilesOffInProjectFile_NoSettingsFindings()
    {
        var project = _package.CreateApp("InsecureApi", "<PropertyGroup><ApiGuardAnalyzeSettingsFiles>false</ApiGuardAnalyzeSettingsFiles></PropertyGroup>");

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning AG0201", build.Output, StringComparison.Ordinal);
        Assert.DoesNotMatch(new Regex("(warning|error) AG08"), build.Output);
    }

    [Fact]
    public async Task SecureSample_Build_HasNoApiGuardDiagnostics()
    {
        var project = _package.CreateApp("SecureApi", TreatAsErrors);

        var build = await BuildAsync(project);

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotMatch(new Regex("(warning|error|info) AG0"), build.Output);
    }

    [Fact]
    public async Task DotnetFormat_AppliesAG0201Fix_AndRebuildIsClean()
    {
        var project = _package.CreateApp("InsecureApi");
        var directory = Path.GetDirectoryName(project)!;

        var format = await DotNetCli.RunAsync(directory, _package.Environment, "format", "analyzers", project, "--diagnostics", "AG0201", "--severity", "info", "-v", "diag");
        Assert.True(format.ExitCode == 0, format.ToString());
        var program = File.ReadAllText(Path.Combine(directory, "Program.cs"));
        Assert.DoesNotContain("AllowAnyOrigin()", program, StringComparison.Ordinal);
        Assert.Contains("WithOrigins(builder.Configuration.GetSection(\"Cors:AllowedOrigins\")", program, StringComparison.Ordinal);

        var build = await BuildAsync(project);
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("AG0201", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WithErrorLog_WritesSarifNamingRuleAndHelpLink()
    {
        var project = _package.CreateApp("InsecureApi");
        var sarif = Path.Combine(Path.GetDirectoryName(project)!, "apiguard.sarif");

        var build = await BuildAsync(project, "-p:ErrorLog=" + sarif + "%2Cversion=2.1");

        Assert.True(build.ExitCode == 0, build.ToString());
        var log = File.ReadAllText(sarif);
        Assert.Contains("\"AG0201\"", log, StringComparison.Ordinal);
        Assert.Contains("https://github.com/apiguard/apiguard/blob/main/docs/rules/AG0201.md", log, StringComparison.Ordinal);
    }

    private Task<DotNetCli.Result> BuildAsync(string project, params string[] extra)
        => DotNetCli.RunAsync(Path.GetDirectoryName(project)!, _package.Environment, new[] { "build", project, "-nologo", "-clp:NoSummary" }.Concat(extra).ToArray());

    private static (int Line, int Column) Find(string file, string text)
    {
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var at = lines[i].IndexOf(text, StringComparison.Ordinal);
            if (at >= 0 && !lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                return (i + 1, at + 1);
            }
        }

        throw new InvalidOperationException($"'{text}' is not in {file}.");
    }
}
