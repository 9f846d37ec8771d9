using System.Collections.Immutable;
using ApiGuard.Benchmarks.Generation;
using ApiGuard.Benchmarks.Infrastructure;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Benchmarks.Benchmarks;

/// <summary>
/// Wall-clock benchmarks over each generated project, each on a fresh compilation: the compilation alone; the analyzer driver
/// with ApiGuard's analyzers; the driver with a do-nothing analyzer that still makes it bind everything (as the SDK's own
/// analyzers do in a real build); and the driver with both. BenchmarkDotNet measures wall time, and the driver costs far more
/// than the analyzers, so never compare a driver row with Compile: compare the last two rows with each other (what ApiGuard
/// adds), and read ApiGuard's own execution time and its share of the compile time in the <see cref="TelemetryColumn"/>s.
/// </summary>
public class AnalyzerBenchmarks
{
    private PreparedProject _project = null!;
    private ImmutableArray<DiagnosticAnalyzer> _apiGuard;
    private ImmutableArray<DiagnosticAnalyzer> _noOp;
    private ImmutableArray<DiagnosticAnalyzer> _noOpAndApiGuard;

    public static IEnumerable<ProjectFlavour> FlavourValues => BenchmarkProjects.Flavours;

    public static IEnumerable<int> FileCountValues => BenchmarkProjects.FileCounts;

    [ParamsSource(nameof(FlavourValues))]
    public ProjectFlavour Flavour { get; set; }

    [ParamsSource(nameof(FileCountValues))]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _project = PreparedProject.Create(Flavour, Files);
        _project.EnsureCompiles();
        _apiGuard = ApiGuardAnalyzers.Create();
        _noOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());
        _noOpAndApiGuard = _noOp.AddRange(_apiGuard);
    }

    /// <summary><c>GetDiagnostics()</c> on a fresh compilation: declaration and method-body diagnostics of every file.</summary>
    [Benchmark]
    public ImmutableArray<Diagnostic> Compile() => _project.CreateCompilation(concurrentBuild: true).GetDiagnostics();

    /// <summary>The analyzer driver with every ApiGuard analyzer; records their telemetry for the report columns.</summary>
    [Benchmark]
    public async Task<TimeSpan> DriverWithApiGuard()
    {
        var result = await AnalyzerRun.RunAsync(_project.CreateCompilation(concurrentBuild: true), _apiGuard, concurrentAnalysis: true).ConfigureAwait(false);
        TelemetryColumn.Record(Flavour, Files, result.TotalExecutionTime);
        return result.TotalExecutionTime;
    }

    /// <summary>The analyzer driver with an analyzer that does nothing: the baseline for <see cref="DriverWithNoOpAnalyzerAndApiGuard"/>.</summary>
    [Benchmark]
    public async Task<TimeSpan> DriverWithNoOpAnalyzer()
    {
        var result = await AnalyzerRun.RunAsync(_project.CreateCompilation(concurrentBuild: true), _noOp, concurrentAnalysis: true).ConfigureAwait(false);
        return result.TotalExecutionTime;
    }

    /// <summary>The baseline plus every ApiGuard analyzer: the difference with <see cref="DriverWithNoOpAnalyzer"/> is what ApiGuard adds.</summary>
    [Benchmark]
    public async Task<TimeSpan> DriverWithNoOpAnalyzerAndApiGuard()
    {
        var result = await AnalyzerRun.RunAsync(_project.CreateCompilation(concurrentBuild: true), _noOpAndApiGuard, concurrentAnalysis: true).ConfigureAwait(false);
        return result.TotalExecutionTime;
    }
}
