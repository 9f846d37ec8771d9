using System.Collections.Immutable;
using ApiGuard.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Tests.Infrastructure;

/// <summary>Runs every ApiGuard analyzer over a set of sources, outside the verifier (corpus, conventions and robustness tests).</summary>
public static class AnalyzerRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = RuleCatalog.Analyzers.ToImmutableArray();

    public static CSharpCompilation Compile(IEnumerable<(string Path, string Text)> sources, AspNetCoreVersion version = AspNetCoreVersion.Net100, bool withImplicitUsings = true)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, parseOptions, s.Path)).ToList();
        if (withImplicitUsings)
        {
            trees.Add(CSharpSyntaxTree.ParseText(TestSources.WebImplicitUsings, parseOptions, TestSources.WebImplicitUsingsPath));
        }

        var hasTopLevel = trees.Any(t => t.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any());
        return CSharpCompilation.Create(
            "Corpus",
            trees,
            TestReferences.For(version),
            new CSharpCompilationOptions(hasTopLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The analyzer diagnostics (ApiGuard's and AD0001 crashes) of every ApiGuard analyzer over the compilation.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, AnalyzerOptions? options = null, bool concurrent = true)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers,
            new CompilationWithAnalyzersOptions(options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }
}
