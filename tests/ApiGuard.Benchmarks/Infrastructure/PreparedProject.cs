using System.Collections.Immutable;
using ApiGuard.Benchmarks.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>
/// A generated project, parsed once, with its references: each measurement builds a fresh <see cref="CSharpCompilation"/> from
/// the same syntax trees, so binding, diagnostics and analysis start from scratch while parsing is not measured.
/// </summary>
public sealed class PreparedProject
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private PreparedProject(SyntheticProject source, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
    {
        Source = source;
        Trees = trees;
        References = references;
    }

    public SyntheticProject Source { get; }

    public ImmutableArray<SyntaxTree> Trees { get; }

    public ImmutableArray<MetadataReference> References { get; }

    public static PreparedProject Create(ProjectFlavour flavour, int fileCount)
    {
        var source = ProjectGenerator.Generate(flavour, fileCount);
        var trees = source.Files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, "/src/" + source.AssemblyName + "/" + f.Path))
            .ToImmutableArray();
        var references = flavour == ProjectFlavour.AspNetCore ? ReferencePacks.AspNetCore : ReferencePacks.NetCore;
        return new PreparedProject(source, trees, references);
    }

    /// <summary>A new compilation: a console app (top-level <c>Program.cs</c>), nullable on, as the SDK builds it.</summary>
    public CSharpCompilation CreateCompilation(bool concurrentBuild)
        => CSharpCompilation.Create(
            Source.AssemblyName,
            Trees,
            References,
            new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: concurrentBuild));

    /// <summary>Compiles once and throws, listing the first errors, if the generated project does not compile.</summary>
    public ImmutableArray<Diagnostic> EnsureCompiles()
    {
        var diagnostics = CreateCompilation(concurrentBuild: true).GetDiagnostics();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var sample = string.Join(Environment.NewLine, errors.Take(20).Select(e => "  " + e));
            throw new InvalidOperationException($"The generated project {Source.Name} has {errors.Count} compile error(s):{Environment.NewLine}{sample}");
        }

        return diagnostics;
    }
}
