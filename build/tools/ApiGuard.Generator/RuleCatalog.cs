using System.Reflection;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Generator;

/// <summary>One rule as the generated files describe it.</summary>
public sealed record RuleInfo(DiagnosticDescriptor Descriptor, Type Analyzer, Type? CodeFix, IReadOnlyList<IApiGuardOption> Options)
{
    public string Id => Descriptor.Id;

    public bool HasCodeFix => Descriptor.CustomTags.Contains(ApiGuard.Analyzers.Descriptors.Descriptors.CodeFixTag);

    public string Severity => Descriptor.DefaultSeverity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    public string Area => Descriptor.CustomTags.First();
}

/// <summary>Every ApiGuard rule, read by reflection from the analyzer and code-fix assemblies.</summary>
public static class RuleCatalog
{
    public static Assembly AnalyzerAssembly => typeof(ApiGuard.Analyzers.Descriptors.RuleIds).Assembly;

    public static Assembly CodeFixAssembly => typeof(ApiGuard.CodeFixes.Rules.Cors.CorsAllowAnyOriginCodeFixProvider).Assembly;

    public static IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToList();

    public static IReadOnlyList<CodeFixProvider> CodeFixes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToList();

    public static IReadOnlyList<RuleInfo> Rules { get; } = Analyzers
        .SelectMany(a => a.SupportedDiagnostics.Select(d => (Analyzer: a.GetType(), Descriptor: d)))
        .GroupBy(x => x.Descriptor.Id)
        .Select(g => g.First())
        .OrderBy(x => x.Descriptor.Id, StringComparer.Ordinal)
        .Select(x => new RuleInfo(
            x.Descriptor,
            x.Analyzer,
            CodeFixes.FirstOrDefault(f => f.FixableDiagnosticIds.Contains(x.Descriptor.Id))?.GetType(),
            ApiGuardOptions.All.Where(o => o.RuleIds.Contains(x.Descriptor.Id)).ToList()))
        .ToList();
}
