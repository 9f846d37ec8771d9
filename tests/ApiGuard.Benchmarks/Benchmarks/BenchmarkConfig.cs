using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ApiGuard.Benchmarks.Benchmarks;

/// <summary>
/// A short in-process job: no child process or generated project to build (nothing to restore at run time), a few
/// iterations of one invocation each (every invocation takes hundreds of milliseconds), and allocations.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create()
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("ShortInProcess");

        return DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(TelemetryColumn.AnalyzerTime, TelemetryColumn.ShareOfCompile);
    }
}
