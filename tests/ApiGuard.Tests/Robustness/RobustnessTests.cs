using System.Collections.Immutable;
using ApiGuard.Generator;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ApiGuard.Tests.Robustness;

/// <summary>
/// Analyzers never crash and never guess: every analyzer over every sample and corpus file, over damaged versions of them
/// (truncated, braces deleted) and without ASP.NET Core references, gives no analyzer exception (AD0001), and no ApiGuard
/// diagnostic where the framework types did not bind. Results are the same with concurrent execution on or off.
/// </summary>
public class RobustnessTests
{
    private const int TruncationPoints = 20;
    private const int BraceDeletions = 6;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var name in CorpusSources.All().Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task TruncatedFile_NoAnalyzerException(string name)
    {
        var text = File.ReadAllText(CorpusSources.All()[name]);
        for (var i = 1; i <= TruncationPoints; i++)
        {
            var cut = text.Length * i / (TruncationPoints + 1);
            await AssertNoAnalyzerExceptionAsync(name + " truncated at " + cut, text.Substring(0, cut), AspNetCoreVersion.Net100);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task FileWithDeletedBraces_NoAnalyzerException(string name)
    {
        var text = File.ReadAllText(CorpusSources.All()[name]);
        var braces = Enumerable.Range(0, text.Length).Where(i => text[i] is '{' or '}').ToList();
        for (var k = 0; k < BraceDeletions && braces.Count > 0; k++)
        {
            var at = braces[braces.Count * k / BraceDeletions];
            await AssertNoAnalyzerExceptionAsync(name + " without the brace at " + at, text.Remove(at, 1), AspNetCoreVersion.Net100);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task FileWithoutAspNetCoreReferences_NoApiGuardDiagnostics(string name)
    {
        var text = File.ReadAllText(CorpusSources.All()[name]);
        var compilation = CSharpCompilation.Create(
            "Unbound",
            new[] { CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp12), "/" + name) },
            TestReferences.Net80WithoutAspNetCore,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var (diagnostics, exceptions) = await RunAsync(compilation, concurrent: true);
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Diagnostics_AreDeterministic(string name)
    {
        var text = File.ReadAllText(CorpusSources.All()[name]);
        var compilation = AnalyzerRunner.Compile(new[] { ("/" + name, text) });
        var reference = Render((await RunAsync(compilation, concurrent: false)).Diagnostics);
        for (var run = 0; run < 3; run++)
        {
            // A fresh compilation each time: nothing cached per compilation may change the outcome.
            var again = AnalyzerRunner.Compile(new[] { ("/" + name, text) });
            Assert.Equal(reference, Render((await RunAsync(again, concurrent: true)).Diagnostics));
        }

        Assert.Equal(reference, Render((await RunAsync(compilation, concurrent: true)).Diagnostics));
    }

    private static async Task AssertNoAnalyzerExceptionAsync(string description, string text, AspNetCoreVersion version)
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Damaged.cs", text) }, version);
        var (diagnostics, exceptions) = await RunAsync(compilation, concurrent: true);
        Assert.True(exceptions.Count == 0, description + ": " + string.Join(Environment.NewLine, exceptions));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    private static string[] Render(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics.Select(d => d.ToString()).ToArray();

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<Exception> Exceptions)> RunAsync(Compilation compilation, bool concurrent)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(new InvalidOperationException(analyzer.GetType().Name + ": " + exception.Message, exception));
                }
            },
            concurrent,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(RuleCatalog.Analyzers.ToImmutableArray(), options).GetAnalyzerDiagnosticsAsync();
        var ordered = diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return (ordered, exceptions);
    }
}
