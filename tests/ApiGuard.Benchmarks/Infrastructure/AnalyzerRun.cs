using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>The outcome of one analyzer run: the diagnostics, and each analyzer's own execution time from the driver's telemetry.</summary>
public sealed record AnalyzerRunResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<(DiagnosticAnalyzer Analyzer, TimeSpan ExecutionTime)> Times)
{
    /// <summary>The summed execution time of every analyzer in the run.</summary>
    public TimeSpan TotalExecutionTime => Times.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.ExecutionTime);
}

/// <summary>Runs analyzers through <see cref="CompilationWithAnalyzers"/> with execution-time logging on.</summary>
public static class AnalyzerRun
{
    /// <summary>
    /// Runs <paramref name="analyzers"/> over <paramref name="compilation"/> and reads their telemetry. The driver also binds the
    /// whole compilation, so the wall time of this call is not the analyzers' cost; <see cref="AnalyzerRunResult.Times"/> is.
    /// </summary>
    public static async Task<AnalyzerRunResult> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrentAnalysis)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: concurrentAnalysis,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);

        var times = ImmutableArray.CreateBuilder<(DiagnosticAnalyzer, TimeSpan)>(analyzers.Length);
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).ConfigureAwait(false);
            times.Add((analyzer, telemetry.ExecutionTime));
        }

        return new AnalyzerRunResult(diagnostics, times.MoveToImmutable());
    }
}
