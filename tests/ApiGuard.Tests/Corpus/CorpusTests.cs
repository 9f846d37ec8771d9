using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ApiGuard.Tests.Corpus;

/// <summary>
/// Realistic apps: every file under Corpus/Secure (and the SecureApi sample) gives no ApiGuard diagnostic; every file under
/// Corpus/Vulnerable gives exactly the IDs listed on its first line (<c>// expect: AG0201 AG0202 …</c>, in source order).
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
        var diagnostics = await RunAsync(Path.Combine(TestReferences.RepositoryRoot, "tests", "Samples", "SecureApi", "Program.cs"));
        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    /// <summary>The rules the insecure sample shows, each exactly once.</summary>
    private static readonly string[] InsecureSampleRules = { "AG0101", "AG0201", "AG0202", "AG0301", "AG0401" };

    [Fact]
    public async Task InsecureApiSample_ShowsEachRuleOnce()
    {
        var diagnostics = await RunAsync(Path.Combine(TestReferences.RepositoryRoot, "tests", "Samples", "InsecureApi", "Program.cs"));
        Assert.Equal(InsecureSampleRules, diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    private static async Task<IReadOnlyList<Diagnostic>> RunAsync(string path)
    {
        var compilation = AnalyzerRunner.Compile(new[] { (path, File.ReadAllText(path)) });
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The corpus file must compile: " + string.Join(Environment.NewLine, errors));
        return await AnalyzerRunner.RunAsync(compilation);
    }
}
