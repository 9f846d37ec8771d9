using System.Globalization;
using ApiGuard.Benchmarks.Generation;

namespace ApiGuard.Benchmarks.Report;

/// <summary>The command line of <c>--report</c>.</summary>
public sealed record ReportOptions(IReadOnlyList<int> FileCounts, int Warmup, int Iterations, bool Concurrent, bool WarmDeclarations, ProjectFlavour? Flavour = null)
{
    public const string Usage = """
        --report [--files 20[,300...]] [--flavour AspNetCore|Plain] [--warmup 1] [--iterations 3] [--sequential] [--cold-declarations]
          --files        project sizes in files (default: the benchmark sizes)
          --flavour      only the ASP.NET Core or only the plain projects (default: both)
          --warmup       unmeasured runs per project (default 1)
          --iterations   measured runs per project; the report shows medians (default 3)
          --sequential   one thread: compilation without concurrent build, analyzers without concurrent analysis
                         (default: concurrent, as csc builds)
          --cold-declarations
                         do not build each compilation's declaration table before the analyzers run (by default it is built
                         first, as the compiler does in a build, so that the analyzers' telemetry leaves out the compiler
                         work their first type lookup otherwise triggers)
        """;

    /// <summary>Parses the arguments after <c>--report</c>; null (with a message) when they are wrong.</summary>
    public static ReportOptions? Parse(IReadOnlyList<string> args, IReadOnlyList<int> defaultFileCounts, TextWriter error)
    {
        var options = new ReportOptions(defaultFileCounts, Warmup: 1, Iterations: 3, Concurrent: true, WarmDeclarations: true);
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--report":
                    break;
                case "--cold-declarations":
                    options = options with { WarmDeclarations = false };
                    break;
                case "--sequential":
                    options = options with { Concurrent = false };
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
