using ApiGuard.Benchmarks.Generation;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>The projects the benchmarks and the report measure. Grow the benchmark here (more sizes, more flavours).</summary>
public static class BenchmarkProjects
{
    /// <summary>The project sizes, in files: small, medium and large (about 150k lines).</summary>
    public static IReadOnlyList<int> FileCounts { get; } = [20, 300, 2000];

    public static IReadOnlyList<ProjectFlavour> Flavours { get; } = [ProjectFlavour.AspNetCore, ProjectFlavour.Plain];
}
