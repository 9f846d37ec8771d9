using ApiGuard.Benchmarks.Benchmarks;
using ApiGuard.Benchmarks.Report;
using BenchmarkDotNet.Running;

// `--report`: the quick report (compile time, ApiGuard's own analyzer time from telemetry, share, allocations).
// Anything else goes to BenchmarkDotNet, for example `--filter '*'` or `--list flat`.
if (args.Length == 0)
{
    Console.WriteLine("""
        ApiGuard benchmarks (docs/performance.md)

          dotnet run -c Release --project tests/ApiGuard.Benchmarks -- --report
          dotnet run -c Release --project tests/ApiGuard.Benchmarks -- --filter '*'

        """);
    Console.WriteLine(ReportOptions.Usage);
    Console.WriteLine("Any other arguments are BenchmarkDotNet's (--filter, --list flat, ...).");
    return 2;
}

if (args.Contains("--report", StringComparer.Ordinal))
{
    return await ReportRunner.RunAsync(args, Console.Out, Console.Error);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args, BenchmarkConfig.Create());
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
