using System.Globalization;
using ApiGuard.Benchmarks.Generation;

namespace ApiGuard.Benchmarks.Report;

/// <summary>The command line of <c>--report</c>.</summary>
public sealed record ReportOptions(IReadOnlyList<int> FileCounts, int Warmup, int Iterations, bool Concurrent, bool WarmDeclarations, ProjectFlavour? Flavour = null)
{
    public const string Usage = """
        --report [--files 20[,300...]] [--flavour AspNetCore|Plain] [--warmup 1] [--iterations 3] [--concurrent] [--cold-declarations]
          --files        project sizes in files (default: the benchmark sizes)
          --flavour      only the ASP.NET Core or only the plain projects (default: both)
          --warmup       unmeasured runs per project of the first size (default 1)
          --iterations   measured runs per project; the report shows medians (default 3)
          --concurrent   concurrent build and concurrent analysis, as csc builds (default: one thread). Informative only:
                         telemetry then sums each callback's wall time across threads, time spent preempted by the
                         compiler's threads, in GC pauses and waiting for the shared app model included, so it cannot be
                         compared with the compile's elapsed time; the budget verdicts need the one-thread runs
          --cold-declarations
                         do not build each compilation's declaration table before the analyzers run (by default it is built
                         first, as the compiler does in a build, so that the analyzers' telemetry leaves out the compiler
                         work their first type lookup otherwise triggers)
        """;

    /// <summary>Parses the arguments after <c>--report</c>; null (with a message) when they are wrong.</summary>
    public static ReportOptions? Parse(IReadOnlyList<string> args, IReadOnlyList<int> defaultFileCounts, TextWriter error)
    {
        var options = new ReportOptions(defaultFileCounts, Warmup: 1, Iterations: 3, Concurrent: false, WarmDeclarations: true);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--report":
                    break;
                case "--cold-declarations":
                    options = options with { WarmDeclarations = false };
                    break;
                case "--concurrent":
                    options = options with { Concurrent = true };
                    break;
                case "--sequential":
                    // The default; kept so that older command lines still work.
                    break;
                case "--files" when i + 1 < args.Count && TryParseList(args[i + 1], out var counts):
                    options = options with { FileCounts = counts };
                    i++;
                    break;
                case "--flavour" when i + 1 < args.Count && Enum.TryParse<ProjectFlavour>(args[i + 1], ignoreCase: true, out var flavour):
                    options = options with { Flavour = flavour };
                    i++;
                    break;
                case "--warmup" when i + 1 < args.Count && TryParseCount(args[i + 1], 0, out var warmup):
                    options = options with { Warmup = warmup };
                    i++;
                    break;
                case "--iterations" when i + 1 < args.Count && TryParseCount(args[i + 1], 1, out var iterations):
                    options = options with { Iterations = iterations };
                    i++;
                    break;
                default:
                    error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Usage:");
                    error.WriteLine(Usage);
                    return null;
            }
        }

        return options;
    }

    private static bool TryParseCount(string text, int minimum, out int value)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= minimum;

    private static bool TryParseList(string text, out IReadOnlyList<int> values)
    {
        var list = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParseCount(part, 1, out var value))
            {
                values = [];
                return false;
            }

            list.Add(value);
        }

        values = list;
        return list.Count > 0;
    }
}
