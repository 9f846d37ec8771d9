using System.Collections.Concurrent;
using System.Globalization;
using ApiGuard.Benchmarks.Generation;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ApiGuard.Benchmarks.Benchmarks;

/// <summary>
/// Summary columns for the <see cref="AnalyzerBenchmarks.DriverWithApiGuard"/> rows: the median of ApiGuard's summed analyzer
/// execution time over every invocation but the first, which also compiles the code it runs (the driver's telemetry, recorded
/// in this process by the in-process toolchain), and that time as a share of the same project's
/// <see cref="AnalyzerBenchmarks.Compile"/> median.
/// </summary>
public sealed class TelemetryColumn : IColumn
{
    public static readonly TelemetryColumn AnalyzerTime = new(share: false);
    public static readonly TelemetryColumn ShareOfCompile = new(share: true);

    private static readonly ConcurrentDictionary<(ProjectFlavour, int), ConcurrentQueue<TimeSpan>> Samples = new();
    private readonly bool _share;

    private TelemetryColumn(bool share) => _share = share;

    public string Id => _share ? "ApiGuardShareOfCompile" : "ApiGuardExecutionTime";

    public string ColumnName => _share ? "ApiGuard/Compile" : "ApiGuard time";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => _share ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => _share
        ? "ApiGuard time divided by the median of Compile for the same project"
        : "Median summed ExecutionTime of ApiGuard's analyzers (driver telemetry, every invocation but the first)";

    public static void Record(ProjectFlavour flavour, int files, TimeSpan executionTime)
        => Samples.GetOrAdd((flavour, files), _ => new ConcurrentQueue<TimeSpan>()).Enqueue(executionTime);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(AnalyzerBenchmarks.DriverWithApiGuard)
            || benchmarkCase.Parameters[nameof(AnalyzerBenchmarks.Flavour)] is not ProjectFlavour flavour
            || benchmarkCase.Parameters[nameof(AnalyzerBenchmarks.Files)] is not int files
            || !Samples.TryGetValue((flavour, files), out var samples)
            || samples.IsEmpty)
        {
            return "-";
        }

        var sorted = samples.Skip(samples.Count > 1 ? 1 : 0).Select(s => s.TotalMilliseconds).Order().ToList();
        var medianMs = sorted[sorted.Count / 2];
        if (!_share)
        {
            return medianMs.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
        }

        var compile = summary.Reports.FirstOrDefault(r =>
            r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(AnalyzerBenchmarks.Compile)
            && Equals(r.BenchmarkCase.Parameters[nameof(AnalyzerBenchmarks.Flavour)], flavour)
            && Equals(r.BenchmarkCase.Parameters[nameof(AnalyzerBenchmarks.Files)], files));
        var compileNs = compile?.ResultStatistics?.Median;
        return compileNs is > 0 ? (medianMs * 1_000_000 / compileNs.Value * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-";
    }

    public override string ToString() => ColumnName;
}
