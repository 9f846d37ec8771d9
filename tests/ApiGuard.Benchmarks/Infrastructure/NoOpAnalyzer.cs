using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>
/// A baseline for the analyzer driver: it asks for the same kind of callbacks as ApiGuard (operations, so the driver builds
/// the operation trees of every body) and does nothing in them. The driver's wall time and allocations with this analyzer,
/// subtracted from those with ApiGuard's, approximate what ApiGuard itself adds.
/// </summary>
/// <remarks>
/// It is only ever hosted in this process, never loaded by a compiler or shipped, so the rules for shipped analyzers do not
/// apply: target framework (RS1041), extended analyzer rules (RS1036) and release tracking (RS2008).
/// </remarks>
#pragma warning disable RS1036, RS1041, RS2008
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NoOpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new(
        "BENCH0001",
        "Never reported",
        "Never reported",
        "Benchmark",
        DiagnosticSeverity.Hidden,
        isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
            start.RegisterOperationAction(static _ => { }, OperationKind.Invocation, OperationKind.ObjectCreation));
    }
}
#pragma warning restore RS1036, RS1041, RS2008
