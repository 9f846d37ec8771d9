using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ApiGuard.Tests.Corpus;

/// <summary>
/// Realistic apps: every file under Corpus/Secure (and the SecureApi sample) gives no ApiGuard diagnostic; every file under
/// Corpus/Vulnerable gives exactly the IDs listed on its first line (<c>// expect: AG0201 AG0202 …</c>, in source order).
/// A folder under Corpus/Secure is one app of several files, with the options of its <c>.globalconfig</c> when it has one, and
/// with its <c>appsettings*.json</c> and <c>Properties/launchSettings.json</c> as additional files, as the package's targets add them.
/// </summary>
public class CorpusTests
{
    private static string CorpusFolder(string kind) => Path.Combine(AppContext.BaseDirectory, "Corpus", kind);

    public static TheoryData<string> SecureFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusFolder("Secure"), "*.cs").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        foreach (var folder in Directory.GetDirectories(CorpusFolder("Secure")).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(folder));
        }

        return files;
    }

    public static TheoryData<string> VulnerableFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusFolder("Vulnerable"), "*.cs").Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetFileName(file));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SecureFiles))]
    public async Task SecureCorpus_NoDiagnostics(string file)
    {
        var diagnostics = await RunAsync(Path.Combine(CorpusFolder("Secure"), file));
        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(VulnerableFiles))]
    public async Task VulnerableCorpus_ExactlyTheExpectedIds(string file)
    {
        var path = Path.Combine(CorpusFolder("Vulnerable"), file);
        var firstLine = File.ReadLines(path).First();
        Assert.StartsWith("// expect:", firstLine, StringComparison.Ordinal);
        var expected = firstLine.Substring("// expect:".Length).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var diagnostics = await RunAsync(path);
        Assert.Equal(expected, diagnostics.Select(d => d.Id));
    }

    [Fact]
    public async Task SecureApiSample_NoDiagnostics()
    {
        var diagnostics = await RunAsync(Path.Combine(TestReferences.RepositoryRoot, "tests", "Samples", "SecureApi"));
        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    /// <summary>The rules the insecure sample shows, each exactly once.</summary>
    private static readonly string[] InsecureSampleRules = { "AG0101", "AG0102", "AG0103", "AG0104", "AG0105", "AG0201", "AG0202", "AG0301", "AG0302", "AG0303", "AG0304", "AG0305", "AG0306", "AG0307", "AG0401", "AG0402", "AG0403", "AG0404", "AG0405", "AG0501", "AG0502", "AG0503", "AG0601", "AG0602", "AG0603", "AG0604", "AG0605", "AG0701", "AG0702", "AG0703", "AG0704", "AG0801", "AG0802", "AG0803", "AG0804", "AG0805" };

    [Fact]
    public async Task InsecureApiSample_ShowsEachRuleOnce()
    {
        var diagnostics = await RunAsync(Path.Combine(TestReferences.RepositoryRoot, "tests", "Samples", "InsecureApi"));
        Assert.Equal(InsecureSampleRules, diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<Diagnostic>> RunAsync(string path)
    {
        var folder = Directory.Exists(path);
        var files = folder ? Directory.GetFiles(path, "*.cs").Order(StringComparer.Ordinal).ToArray() : new[] { path };
        var compilation = AnalyzerRunner.Compile(files.Select(f => (f, File.ReadAllText(f))));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The corpus file must compile: " + string.Join(Environment.NewLine, errors));
        var globalConfig = Path.Combine(path, ".globalconfig");
        var settingsFiles = folder ? SettingsFiles(path) : ImmutableArray<AdditionalText>.Empty;
        var options = folder && File.Exists(globalConfig)
            ? new AnalyzerOptions(settingsFiles, new GlobalConfigOptionsProvider(File.ReadAllText(globalConfig)))
            : new AnalyzerOptions(settingsFiles);
        return await AnalyzerRunner.RunAsync(compilation, options);
    }

    /// <summary>The settings files the package's targets would add for a project in <paramref name="folder"/>.</summary>
    private static ImmutableArray<AdditionalText> SettingsFiles(string folder)
    {
        var files = Directory.GetFiles(folder, "appsettings*.json").Order(StringComparer.Ordinal).ToList();
        var launchSettings = Path.Combine(folder, "Properties", "launchSettings.json");
        if (File.Exists(launchSettings))
        {
            files.Add(launchSettings);
        }

        return files.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(path));
    }

    /// <summary>The key/value lines of a <c>.globalconfig</c>, for every file and the compilation, as the SDK applies a global config.</summary>
    private sealed class GlobalConfigOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public GlobalConfigOptionsProvider(string text)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] is not ('#' or ';' or '[')))
            {
                var at = line.IndexOf('=', StringComparison.Ordinal);
                if (at > 0)
                {
                    values[line.Substring(0, at).Trim()] = line.Substring(at + 1).Trim();
                }
            }

            _options = new Options(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
