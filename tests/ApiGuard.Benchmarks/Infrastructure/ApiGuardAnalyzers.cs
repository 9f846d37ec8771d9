using System.Collections.Immutable;
using System.Reflection;
using ApiGuard.Analyzers.Descriptors;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>Every ApiGuard analyzer, found by reflection: each non-abstract <see cref="DiagnosticAnalyzer"/> with <see cref="DiagnosticAnalyzerAttribute"/>.</summary>
public static class ApiGuardAnalyzers
{
    public static Assembly Assembly => typeof(RuleIds).Assembly;

    /// <summary>New instances, in a stable order (by type name).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create()
    {
        var analyzers = Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        if (analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"No analyzers found in {Assembly.GetName().Name}.");
        }

        return analyzers;
    }
}
