using System.Composition;
using System.Reflection;
using System.Text.RegularExpressions;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Options;
using ApiGuard.Generator;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace ApiGuard.Tests.Conventions;

/// <summary>Checks over every exported analyzer, fixer and option: the bookkeeping that makes a rule complete.</summary>
public partial class RuleConventionTests
{
    public static TheoryData<string> RuleIds() => new(RuleCatalog.Rules.Select(r => r.Id));

    public static TheoryData<string> AnalyzerTypes() => new(RuleCatalog.Analyzers.Select(a => a.GetType().Name));

    public static TheoryData<string> OptionKeys() => new(ApiGuardOptions.All.Select(o => o.Key));

    private static RuleInfo Rule(string id) => RuleCatalog.Rules.Single(r => r.Id == id);

    private static string RepoFile(string relative) => Path.Combine(TestReferences.RepositoryRoot, relative);

    [Fact]
    public void Catalog_HasRules() => Assert.NotEmpty(RuleCatalog.Rules);

    [Fact]
    public void RuleIds_AreUnique()
    {
        var ids = RuleCatalog.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Id_MatchesPatternAndAreaBlock(string id)
    {
        var rule = Rule(id);
        Assert.Matches("^AG[0-9]{4}$", id);
        var block = int.Parse(id.Substring(2, 2), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Enum.IsDefined(typeof(RuleArea), block), $"{id} is in no area's hundred-block.");
        Assert.Equal(((RuleArea)block).ToString(), rule.Area);
        Assert.Contains(id, File.ReadAllText(RepoFile("src/ApiGuard.Analyzers/Descriptors/IdRanges.md")), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Descriptor_HasCategoryHelpLinkAndTags(string id)
    {
        var descriptor = Rule(id).Descriptor;
        Assert.Equal(RuleCategories.Security, descriptor.Category);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.Contains(descriptor.CustomTags, t => t.StartsWith(Descriptors.CwePrefix, StringComparison.Ordinal));
        Assert.Contains(descriptor.CustomTags, t => Regex.IsMatch(t, "^OWASP-API([1-9]|10):2023$"));
        Assert.False(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).EndsWith('.'), "Titles have no trailing period.");
        Assert.Contains("{0}", descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void DocsPage_ExistsWithTitleAndSections(string id)
    {
        var rule = Rule(id);
        var path = RepoFile($"docs/rules/{id}.md");
        Assert.True(File.Exists(path), $"docs/rules/{id}.md is missing (run the generator to write a stub).");
        var page = File.ReadAllText(path);
        Assert.StartsWith($"# {id}: {rule.Descriptor.Title}\n", page, StringComparison.Ordinal);
        var sections = new[] { "## Why it matters", "## Noncompliant code", "## Compliant code", "## How to fix", "## Configuration", "## When to suppress", "## Known limitations" };
        var last = -1;
        foreach (var section in sections)
        {
            var at = page.IndexOf(section, StringComparison.Ordinal);
            Assert.True(at > last, $"docs/rules/{id}.md: '{section}' is missing or out of order.");
            last = at;
        }

        Assert.DoesNotContain("TODO", page, StringComparison.Ordinal);
        Assert.Contains(Generator.Generator.PropertyTable(rule), page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ReleaseTracking_ListsRuleWithSeverity(string id)
    {
        var rule = Rule(id);
        var text = File.ReadAllText(RepoFile("src/ApiGuard.Analyzers/AnalyzerReleases.Shipped.md")) + File.ReadAllText(RepoFile("src/ApiGuard.Analyzers/AnalyzerReleases.Unshipped.md"));
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.NotNull(line);
        Assert.Contains("| " + rule.Descriptor.DefaultSeverity + " |", line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void TestClass_ExistsForRule(string id)
    {
        var testClasses = typeof(RuleConventionTests).Assembly.GetTypes().Where(t => t.Name.StartsWith(id, StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal));
        Assert.Single(testClasses);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void CodeFix_ExistsWhenPromised(string id)
    {
        var rule = Rule(id);
        if (rule.HasCodeFix)
        {
            Assert.NotNull(rule.CodeFix);
        }
        else
        {
            Assert.Null(rule.CodeFix);
        }
    }

    [Fact]
    public void CodeFixes_AreExportedSharedAndFixKnownIds()
    {
        var known = RuleCatalog.Rules.Select(r => r.Id).ToHashSet();
        Assert.NotEmpty(RuleCatalog.CodeFixes);
        foreach (var fix in RuleCatalog.CodeFixes)
        {
            var type = fix.GetType();
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
            Assert.Equal(type.Name, export.Name);
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());
            Assert.True(type.IsSealed, $"{type.Name} should be sealed.");
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, known));
            Assert.NotNull(fix.GetFixAllProvider());
        }
    }

    [Theory]
    [MemberData(nameof(AnalyzerTypes))]
    public void Analyzer_IsSealedCSharpAndNamedAfterRule(string typeName)
    {
        var type = RuleCatalog.Analyzers.Single(a => a.GetType().Name == typeName).GetType();
        Assert.True(type.IsSealed);
        Assert.Equal(new[] { LanguageNames.CSharp }, type.GetCustomAttribute<DiagnosticAnalyzerAttribute>()!.Languages);
        Assert.EndsWith("Analyzer", typeName, StringComparison.Ordinal);

        // One PascalCase name per rule: the analyzer is named after one of its rules' RuleIds constants.
        var names = typeof(RuleIds).GetFields().Select(f => f.Name + "Analyzer");
        Assert.Contains(typeName, names);
    }

    [Theory]
    [MemberData(nameof(OptionKeys))]
    public void Option_KeyFollowsConventionAndIsDocumented(string key)
    {
        Assert.Matches("^apiguard\\.(transport|cors|authorization|errors|secrets|rate_limiting|headers|cookies|config|general)\\.[a-z][a-z0-9_]*$", key);
        Assert.Contains("`" + key + "`", File.ReadAllText(RepoFile("docs/configuration.md")), StringComparison.Ordinal);
        foreach (var id in ApiGuardOptions.All.Single(o => o.Key == key).RuleIds)
        {
            Assert.Contains(key, File.ReadAllText(RepoFile($"docs/rules/{id}.md")), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GeneratedFiles_AreCurrent()
    {
        var outdated = new Generator.Generator(TestReferences.RepositoryRoot).Run(check: true);
        Assert.True(outdated.Count == 0, "Out of date (run `dotnet run --project build/tools/ApiGuard.Generator`): " + string.Join(", ", outdated));
    }

    [Fact]
    public async Task MinimalWebApp_RunsWithoutAnalyzerFailures()
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n") });
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = await AnalyzerRunner.RunAsync(compilation);
        Assert.All(diagnostics, d => Assert.StartsWith("AG", d.Id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptySource_RunsClean()
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Empty.cs", string.Empty) }, withImplicitUsings: false);
        Assert.Empty(await AnalyzerRunner.RunAsync(compilation));
    }
}
