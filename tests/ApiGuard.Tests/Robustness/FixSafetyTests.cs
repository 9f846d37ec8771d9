using System.Collections.Immutable;
using ApiGuard.Generator;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ApiGuard.Tests.Robustness;

/// <summary>
/// Fixes keep the build green: for every diagnostic in the insecure sample and the vulnerable corpus, its first code fix (and,
/// per rule, Fix All in the solution) leaves a project that compiles with no new errors, and the fixed diagnostic is gone.
/// </summary>
public class FixSafetyTests
{
    public static TheoryData<string> Apps()
    {
        var data = new TheoryData<string>();
        foreach (var name in CorpusSources.All().Keys.Where(n => n.StartsWith("Samples/InsecureApi/", StringComparison.Ordinal) || n.StartsWith("Corpus/Vulnerable/", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task FirstFix_OfEveryDiagnostic_CompilesAndRemovesIt(string name)
    {
        var (document, diagnostics) = await OpenAsync(name);
        Assert.NotEmpty(diagnostics);
        var errorsBefore = await ErrorsAsync(document.Project);
        foreach (var diagnostic in diagnostics)
        {
            var action = (await ActionsAsync(document, diagnostic)).FirstOrDefault();
            if (action is null)
            {
                // The diagnostic carries no fix data (a case the fix does not handle; its rule page says so).
                continue;
            }

            var changed = await ApplyAsync(document.Project.Solution, action);
            var project = changed.GetProject(document.Project.Id)!;
            var errorsAfter = await ErrorsAsync(project);
            Assert.True(
                errorsAfter.Except(errorsBefore).Count() == 0,
                $"{name}: the fix '{action.Title}' for {diagnostic} introduced errors:{Environment.NewLine}{string.Join(Environment.NewLine, errorsAfter.Except(errorsBefore))}"
                + Environment.NewLine + (await project.Documents.First().GetTextAsync()));

            var remaining = await DiagnosticsAsync(project);
            Assert.True(
                remaining.Count(d => d.Id == diagnostic.Id) < diagnostics.Count(d => d.Id == diagnostic.Id),
                $"{name}: the fix '{action.Title}' for {diagnostic} did not remove it.");
        }
    }

    [Theory]
    [MemberData(nameof(Apps))]
    public async Task FixAllInSolution_PerRule_CompilesAndRemovesFixableDiagnostics(string name)
    {
        var (document, diagnostics) = await OpenAsync(name);
        var errorsBefore = await ErrorsAsync(document.Project);
        foreach (var group in diagnostics.GroupBy(d => d.Id))
        {
            // Fix All applies one kind of fix (an equivalence key): run it once per first-fix kind the rule's diagnostics offer.
            var firstKeys = new List<(Diagnostic Diagnostic, string? Key)>();
            foreach (var diagnostic in group)
            {
                if ((await ActionsAsync(document, diagnostic)).FirstOrDefault() is { } action)
                {
                    firstKeys.Add((diagnostic, action.EquivalenceKey));
                }
            }

            foreach (var kind in firstKeys.GroupBy(k => k.Key))
            {
                var fixer = Fixer(group.Key)!;
                var context = new FixAllContext(
                    document,
                    fixer,
                    FixAllScope.Solution,
                    kind.Key,
                    new[] { group.Key },
                    new DiagnosticProvider(),
                    CancellationToken.None);
                var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                Assert.NotNull(fixAll);
                var changed = await ApplyAsync(document.Project.Solution, fixAll!);
                var project = changed.GetProject(document.Project.Id)!;
                var errorsAfter = await ErrorsAsync(project);
                Assert.True(
                    errorsAfter.Except(errorsBefore).Count() == 0,
                    $"{name}: Fix All '{kind.Key}' for {group.Key} introduced errors:{Environment.NewLine}{string.Join(Environment.NewLine, errorsAfter.Except(errorsBefore))}");
                var left = (await DiagnosticsAsync(project)).Where(d => d.Id == group.Key).ToList();
                Assert.True(
                    left.Count <= group.Count() - kind.Count(),
                    $"{name}: Fix All '{kind.Key}' for {group.Key} left {left.Count} of {group.Count()} diagnostics ({kind.Count()} offer that fix first): {string.Join("; ", left)}"
                    + Environment.NewLine + (await project.GetDocument(document.Id)!.GetTextAsync()));
            }
        }
    }

    private static CodeFixProvider? Fixer(string id) => RuleCatalog.CodeFixes.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(id));

    private static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> OpenAsync(string name)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Create(),
                "App",
                "App",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: parseOptions,
                metadataReferences: TestReferences.Net100))
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.g.cs", SourceText.From(TestSources.WebImplicitUsings), filePath: "/GlobalUsings.g.cs");
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, Path.GetFileName(name), SourceText.From(File.ReadAllText(CorpusSources.All()[name])), filePath: "/" + name);
        var document = solution.GetDocument(documentId)!;
        return (document, await DiagnosticsAsync(document.Project));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        return await AnalyzerRunner.RunAsync(compilation, project.AnalyzerOptions);
    }

    private static async Task<string[]> ErrorsAsync(Project project)
        => (await project.GetCompilationAsync())!.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Id + ": " + d.GetMessage())
            .ToArray();

    private static async Task<IReadOnlyList<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var fixer = Fixer(diagnostic.Id);
        if (fixer is null)
        {
            return Array.Empty<CodeAction>();
        }

        var target = diagnostic.Location.SourceTree == (await document.GetSyntaxTreeAsync()) ? document : document.Project.GetDocument(diagnostic.Location.SourceTree);
        if (target is null)
        {
            return Array.Empty<CodeAction>();
        }

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(target, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static async Task<Solution> ApplyAsync(Solution solution, CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private sealed class DiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await DiagnosticsAsync(project);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await DiagnosticsAsync(document.Project)).Where(d => d.Location.SourceTree == tree);
        }

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await DiagnosticsAsync(project)).Where(d => !d.Location.IsInSource);
    }
}
