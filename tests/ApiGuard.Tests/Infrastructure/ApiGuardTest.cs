using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ApiGuard.Tests.Infrastructure;

/// <summary>
/// The test harness every rule test uses: compiles against the restored reference packs of one ASP.NET Core version
/// (<see cref="Version"/>), with the Web SDK's implicit usings, C# 12, and a console output kind when the source has top-level statements.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
/// <typeparam name="TCodeFix">The fixer under test (<see cref="EmptyCodeFixProvider"/> for analyzer-only tests).</typeparam>
public sealed class ApiGuardTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public ApiGuardTest()
    {
        // An empty package set: nothing is resolved or downloaded; the references come from TestReferences.
        ReferenceAssemblies = new ReferenceAssemblies("net8.0");
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.CSharp12);
            var compilationOptions = ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable);
            if (HasTopLevelStatements(project))
            {
                compilationOptions = compilationOptions.WithOutputKind(OutputKind.ConsoleApplication);
            }

            return solution.WithProjectParseOptions(projectId, parseOptions).WithProjectCompilationOptions(projectId, compilationOptions);
        });
    }

    /// <summary>The ASP.NET Core version to compile against.</summary>
    public AspNetCoreVersion Version { get; set; } = AspNetCoreVersion.Net80;

    /// <summary>Whether to compile without any ASP.NET Core reference (a plain .NET project).</summary>
    public bool WithoutAspNetCore { get; set; }

    /// <summary>Whether to add the Web SDK's implicit usings file (to the fixed state as well).</summary>
    public bool ImplicitUsings { get; set; } = true;

    /// <summary>An <c>.editorconfig</c> body applied to every file (a <c>[*]</c> section); options go here.</summary>
    public string? EditorConfig { get; set; }

    protected override async Task RunImplAsync(CancellationToken cancellationToken)
    {
        var references = WithoutAspNetCore ? TestReferences.Net80WithoutAspNetCore : TestReferences.For(Version);
        TestState.AdditionalReferences.AddRange(references);
        if (ImplicitUsings)
        {
            TestState.Sources.Add((TestSources.WebImplicitUsingsPath, TestSources.WebImplicitUsings));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.Sources.Add((TestSources.WebImplicitUsingsPath, TestSources.WebImplicitUsings));
            }

            if (BatchFixedState.Sources.Count > 0)
            {
                BatchFixedState.Sources.Add((TestSources.WebImplicitUsingsPath, TestSources.WebImplicitUsings));
            }
        }

        if (EditorConfig is not null)
        {
            var text = "root = true\n\n[*]\n" + EditorConfig + "\n";
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", text));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", text));
            }

            if (BatchFixedState.Sources.Count > 0)
            {
                BatchFixedState.AnalyzerConfigFiles.Add(("/.editorconfig", text));
            }
        }

        await base.RunImplAsync(cancellationToken);
    }

    private static bool HasTopLevelStatements(Project project)
        => project.Documents.Any(d => d.TryGetSyntaxRoot(out var root)
            ? root.ChildNodes().OfType<GlobalStatementSyntax>().Any()
            : d.GetSyntaxRootAsync().GetAwaiter().GetResult()!.ChildNodes().OfType<GlobalStatementSyntax>().Any());
}
