using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ApiGuard.Benchmarks.Generation;
using ApiGuard.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Benchmarks.Report;

/// <summary>
/// The quick report (<c>--report</c>): for each generated project, the compile time, the ApiGuard analyzers' own execution time
/// from the driver's telemetry, their share of the compile time, per-analyzer times and allocations. No BenchmarkDotNet: the
/// point is the telemetry, which BenchmarkDotNet's wall-clock measurements cannot show.
/// </summary>
/// <remarks>
/// Each run measures, on fresh compilations of the same parsed trees: the compilation alone (<c>GetDiagnostics()</c>), and the
/// driver with ApiGuard's analyzers (their telemetry is the headline figure). Then, a couple of times, the driver with a
/// do-nothing analyzer, and with that analyzer plus ApiGuard's: the two differ only by ApiGuard, in a build where the driver
/// already binds everything for other analyzers (as the SDK's own analyzers make it do), so their difference in allocations is
/// what ApiGuard adds.
/// </remarks>
public static class ReportRunner
{
    /// <summary>How many times the driver runs with the no-op analyzer, alone and with ApiGuard, per project.</summary>
    private const int BaselineRuns = 3;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var options = ReportOptions.Parse(args, BenchmarkProjects.FileCounts, error);
        if (options is null)
        {
            return 2;
        }

        var total = Stopwatch.StartNew();
        var apiGuard = ApiGuardAnalyzers.Create();

        output.WriteLine("ApiGuard analyzer performance report");
        foreach (var line in MachineInfo.Describe())
        {
            output.WriteLine(line);
        }

        output.WriteLine($"Build:    {(MachineInfo.IsOptimizedBuild ? "optimized" : "NOT OPTIMIZED (run with -c Release)")}");
        output.WriteLine($"Mode:     {(options.Concurrent ? "concurrent build and concurrent analysis (as csc)" : "sequential build and analysis (one thread)")}"
            + (options.WarmDeclarations ? "; declarations built before each analyzer run" : string.Empty));
        output.WriteLine($"Runs:     {options.Warmup} warm-up (first size only) + {options.Iterations} measured per project; medians (and minimums) shown");
        output.WriteLine($"Refs:     Microsoft.NETCore.App.Ref / Microsoft.AspNetCore.App.Ref {ReferencePacks.Version} (net8.0)");
        output.WriteLine($"Analyzers ({apiGuard.Length}): {string.Join(", ", apiGuard.Select(a => a.GetType().Name))}");

        var results = new List<ProjectResult>();
        foreach (var fileCount in options.FileCounts)
        {
            foreach (var flavour in BenchmarkProjects.Flavours.Where(f => options.Flavour is null || f == options.Flavour))
            {
                // The first size warms the JIT and the reference metadata for the whole process; the other sizes skip the warm-up.
                var warm = fileCount == options.FileCounts[0] ? options : options with { Warmup = 0 };
                var result = await MeasureAsync(flavour, fileCount, warm, apiGuard, output, error).ConfigureAwait(false);
                if (result is null)
                {
                    return 1;
                }

                results.Add(result);
            }
        }

        WriteSummary(results, options.Concurrent, output);
        output.WriteLine();
        output.WriteLine($"Total report time: {total.Elapsed.TotalSeconds.ToString("0.0", Invariant)} s"
            + (MachineInfo.LoadAverage is { } load ? $"; load averages at the end: {load}" : string.Empty));
        return 0;
    }

    private static async Task<ProjectResult?> MeasureAsync(
        ProjectFlavour flavour,
        int fileCount,
        ReportOptions options,
        ImmutableArray<DiagnosticAnalyzer> apiGuard,
        TextWriter output,
        TextWriter error)
    {
        var project = PreparedProject.Create(flavour, fileCount);
        var source = project.Source;
        output.WriteLine();
        output.WriteLine($"== {source.Name}: {source.Files.Count} files, {source.LineCount.ToString("N0", Invariant)} lines, "
            + $"{(source.CharacterCount / 1024.0).ToString("N0", Invariant)} KB of source, content hash {source.ContentHash()}");

        ImmutableArray<Diagnostic> compilerDiagnostics;
        try
        {
            compilerDiagnostics = project.EnsureCompiles();
        }
        catch (InvalidOperationException exception)
        {
            error.WriteLine(exception.Message);
            return null;
        }

        var concurrent = options.Concurrent;
        var noOp = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());
        var noOpAndApiGuard = noOp.AddRange(apiGuard);
        var preBindAndApiGuard = ImmutableArray.Create<DiagnosticAnalyzer>(new PreBindAnalyzer()).AddRange(apiGuard);

        var compile = new Samples();
        var apiGuardOnly = new Samples();
        var baseline = new Samples();
        var baselineAndApiGuard = new Samples();
        var perAnalyzer = apiGuard.ToDictionary(a => a, _ => new List<double>());
        var perAnalyzerPrebound = apiGuard.ToDictionary(a => a, _ => new List<double>());
        var analyzerTotals = new List<double>();
        var preboundTotals = new List<double>();
        ImmutableArray<Diagnostic> analyzerDiagnostics = default;

        for (var run = 0; run < options.Warmup + options.Iterations; run++)
        {
            var compileSample = await Measure(() =>
            {
                project.CreateCompilation(concurrent).GetDiagnostics();
                return Task.FromResult<AnalyzerRunResult?>(null);
            }).ConfigureAwait(false);
            var apiGuardSample = await Measure(() => RunAnalyzers(apiGuard)).ConfigureAwait(false);
            var preboundSample = await Measure(() => RunAnalyzers(preBindAndApiGuard)).ConfigureAwait(false);

            if (run < options.Warmup)
            {
                continue;
            }

            compile.Add(compileSample);
            apiGuardOnly.Add(apiGuardSample);
            var telemetry = apiGuardSample.Run!;
            analyzerDiagnostics = telemetry.Diagnostics;
            analyzerTotals.Add(telemetry.TotalExecutionTime.TotalMilliseconds);
            foreach (var (analyzer, time) in telemetry.Times)
            {
                perAnalyzer[analyzer].Add(time.TotalMilliseconds);
            }

            // The same analyzers after every body is bound: only their own work (see PreBindAnalyzer).
            var prebound = preboundSample.Run!.Times.Where(t => perAnalyzerPrebound.ContainsKey(t.Analyzer)).ToList();
            preboundTotals.Add(prebound.Sum(t => t.ExecutionTime.TotalMilliseconds));
            foreach (var (analyzer, time) in prebound)
            {
                perAnalyzerPrebound[analyzer].Add(time.TotalMilliseconds);
            }
        }

        // Allocations vary much less than times: a few baseline pairs show what ApiGuard adds, and their spread shows the noise.
        for (var run = 0; run < BaselineRuns; run++)
        {
            baseline.Add(await Measure(() => RunAnalyzers(noOp)).ConfigureAwait(false));
            baselineAndApiGuard.Add(await Measure(() => RunAnalyzers(noOpAndApiGuard)).ConfigureAwait(false));
        }

        var crashes = analyzerDiagnostics.Where(d => d.Id == "AD0001").ToList();
        if (crashes.Count > 0)
        {
            error.WriteLine($"An analyzer threw on {source.Name}:");
            foreach (var crash in crashes.Take(10))
            {
                error.WriteLine("  " + crash);
            }

            return null;
        }

        var warnings = compilerDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var found = analyzerDiagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();
        var verdict = found.SequenceEqual(source.ExpectedDiagnosticIds) ? "as expected" : $"EXPECTED {Describe(source.ExpectedDiagnosticIds)}";
        output.WriteLine($"   compiler: 0 errors, {warnings} warnings; ApiGuard diagnostics: {Describe(found)} ({verdict})");

        var result = new ProjectResult(
            source.Name,
            flavour,
            source.LineCount,
            compile.Milliseconds,
            Stats.Of(analyzerTotals),
            Stats.Of(preboundTotals),
            compile.Megabytes,
            baselineAndApiGuard.Megabytes.Median - baseline.Megabytes.Median);

        output.WriteLine($"   compile (GetDiagnostics)             {Ms(result.Compile)}   allocated {Mb(result.CompileMb.Median)}");
        output.WriteLine($"   ApiGuard analyzers (ExecutionTime)   {Ms(result.Analyzers)}   share of compile {Percent(result.SharePercent)}");
        output.WriteLine($"     bodies bound first (own work)      {Ms(result.OwnWork)}   share of compile {Percent(result.OwnSharePercent)}");
        output.WriteLine($"     {"per analyzer",-34} {"ExecutionTime",20} {"bodies bound first",20}");
        foreach (var (analyzer, times) in perAnalyzer)
        {
            output.WriteLine($"     {analyzer.GetType().Name,-34} {Ms(Stats.Of(times))} {Ms(Stats.Of(perAnalyzerPrebound[analyzer]))}");
        }

        output.WriteLine("   analyzer driver, wall time and allocations (it compiles too: never compare its time with the compile above):");
        output.WriteLine($"     ApiGuard only                      {Ms(apiGuardOnly.Milliseconds)}   allocated {Mb(apiGuardOnly.Megabytes.Median)}");
        output.WriteLine($"     no-op analyzer (baseline)          {Ms(baseline.Milliseconds)}   allocated {Mb(baseline.Megabytes.Median)}   ({BaselineRuns} runs)");
        output.WriteLine($"     baseline + ApiGuard                {Ms(baselineAndApiGuard.Milliseconds)}   allocated {Mb(baselineAndApiGuard.Megabytes.Median)}   ({BaselineRuns} runs)");
        output.WriteLine($"     ApiGuard allocates {Kb(result.ApiGuardAddsMb)} over the baseline "
            + $"(run-to-run spread of the baseline: {Kb(baseline.MegabytesSpread)[1..]}; smaller differences are noise)");
        output.WriteLine($"   every run, ms: compile {List(compile.AllMilliseconds)} | ApiGuard telemetry {List(analyzerTotals)} | driver with ApiGuard {List(apiGuardOnly.AllMilliseconds)}");
        return result;

        async Task<AnalyzerRunResult?> RunAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var compilation = project.CreateCompilation(concurrent);
            if (options.WarmDeclarations)
            {
                // The analyzers' first type lookup builds the compilation's declaration table and binds its references: compiler
                // work that the telemetry otherwise charges to them. Building it here leaves only their own work.
                compilation.GetTypeByMetadataName("System.Object");
            }

            return await AnalyzerRun.RunAsync(compilation, analyzers, concurrent).ConfigureAwait(false);
        }
    }

    /// <summary>Times one step and counts the bytes it allocates (on every thread), after a full collection.</summary>
    private static async Task<Sample> Measure(Func<Task<AnalyzerRunResult?>> step)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        var run = await step().ConfigureAwait(false);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Sample(stopwatch.Elapsed.TotalMilliseconds, allocated / (1024.0 * 1024.0), run);
    }

    private static void WriteSummary(IReadOnlyList<ProjectResult> results, bool concurrent, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Summary (medians; minimums in parentheses)");
        output.WriteLine("| Project | Lines | Compile | ApiGuard, cold | Share | ApiGuard, bodies bound first (own work) | Share | Compile allocations | ApiGuard allocations |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine($"| {r.Name} | {r.Lines.ToString("N0", Invariant)} | {Ms(r.Compile).Trim()} | {Ms(r.Analyzers).Trim()} | {Percent(r.SharePercent)} "
                + $"| {Ms(r.OwnWork).Trim()} | {Percent(r.OwnSharePercent)} | {Mb(r.CompileMb.Median).Trim()} | {Kb(r.ApiGuardAddsMb)} |");
        }

        WriteBudget(results, concurrent, output);

        output.WriteLine();
        output.WriteLine("ApiGuard allocations: driver with a no-op analyzer plus ApiGuard, minus the driver with the no-op analyzer alone");
        output.WriteLine("(see each project's spread above: a difference smaller than the spread is noise).");
    }

    /// <summary>
    /// The budget of issue 7, on the largest project of each flavour: ApiGuard adds at most 5 % to an ASP.NET Core project's compile
    /// time and 1 % to a project without ASP.NET Core; and analyzer time per line grows linearly (largest / second largest within 1.5x).
    /// </summary>
    private static void WriteBudget(IReadOnlyList<ProjectResult> results, bool concurrent, TextWriter output)
    {
        output.WriteLine();
        if (concurrent)
        {
            output.WriteLine("Budget: no verdict for a concurrent run. Telemetry then sums each callback's wall time across threads (preemption by");
            output.WriteLine("the compiler's threads, GC pauses and waits for the shared app model included), which cannot be compared with the");
            output.WriteLine("compile's elapsed time. Run without --concurrent for the verdicts. The ratios, for information:");
        }
        else
        {
            output.WriteLine("Budget (issue 7), largest project of each flavour, one thread. The measure is ApiGuard's own work (bodies bound");
            output.WriteLine("first); the cold figure also charges ApiGuard for binding the bodies it reads first, which the driver then reuses:");
        }

        foreach (var flavour in results.Select(r => r.Flavour).Distinct())
        {
            var sized = results.Where(r => r.Flavour == flavour).OrderBy(r => r.Lines).ToList();
            var largest = sized[^1];
            var limit = flavour == ProjectFlavour.AspNetCore ? 5.0 : 1.0;
            output.WriteLine($"  {largest.Name}: own work {Percent(largest.OwnSharePercent)} of the compile ({Verdict(largest.OwnSharePercent <= limit)}, limit {Percent(limit)}); "
                + $"cold {Percent(largest.SharePercent)}");
            if (sized.Count >= 2)
            {
                var medium = sized[^2];
                var ratio = PerLine(largest.Analyzers.Median, largest) / PerLine(medium.Analyzers.Median, medium);
                var ownRatio = PerLine(largest.OwnWork.Median, largest) / PerLine(medium.OwnWork.Median, medium);
                output.WriteLine($"  {largest.Name} / {medium.Name} time per line: own work {ownRatio.ToString("0.00", Invariant)}x ({Verdict(ownRatio <= 1.5)}, limit 1.50x); "
                    + $"cold {ratio.ToString("0.00", Invariant)}x");
            }
        }

        string Verdict(bool met) => concurrent ? "no verdict" : met ? "met" : "MISSED";

        static double PerLine(double milliseconds, ProjectResult result) => Math.Max(milliseconds, 0.01) / result.Lines;
    }

    private static string Describe(IReadOnlyList<string> ids)
        => ids.Count == 0 ? "none" : string.Join(", ", ids.GroupBy(id => id, StringComparer.Ordinal).Select(g => $"{g.Key} x{g.Count()}"));

    private static string List(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("0", Invariant)));

    private static string Ms(Stats stats)
        => $"{(stats.Median.ToString("0.0", Invariant) + " ms").PadLeft(10)} {("(" + stats.Min.ToString("0.0", Invariant) + ")").PadLeft(9)}";

    private static string Mb(double value) => (value.ToString("0.0", Invariant) + " MB").PadLeft(9);

    private static string Kb(double megabytes) => (megabytes >= 0 ? "+" : "-") + Math.Abs(megabytes * 1024).ToString("0", Invariant) + " KB";

    private static string Percent(double value) => value.ToString("0.0", Invariant) + " %";

    private sealed record Sample(double Milliseconds, double Megabytes, AnalyzerRunResult? Run);

    private sealed class Samples
    {
        private readonly List<Sample> _samples = new();

        public IEnumerable<double> AllMilliseconds => _samples.Select(s => s.Milliseconds);

        public Stats Milliseconds => Stats.Of(AllMilliseconds);

        public Stats Megabytes => Stats.Of(_samples.Select(s => s.Megabytes));

        public double MegabytesSpread => _samples.Count == 0 ? 0 : _samples.Max(s => s.Megabytes) - _samples.Min(s => s.Megabytes);

        public void Add(Sample sample) => _samples.Add(sample);
    }

    private readonly record struct Stats(double Median, double Min)
    {
        public static Stats Of(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            if (sorted.Count == 0)
            {
                return new Stats(double.NaN, double.NaN);
            }

            var middle = sorted.Count / 2;
            var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
            return new Stats(median, sorted[0]);
        }
    }

    private sealed record ProjectResult(string Name, ProjectFlavour Flavour, int Lines, Stats Compile, Stats Analyzers, Stats OwnWork, Stats CompileMb, double ApiGuardAddsMb)
    {
        public double SharePercent => Compile.Median <= 0 ? 0 : Analyzers.Median / Compile.Median * 100;

        public double OwnSharePercent => Compile.Median <= 0 ? 0 : OwnWork.Median / Compile.Median * 100;
    }
}
