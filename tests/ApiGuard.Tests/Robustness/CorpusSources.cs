using ApiGuard.Tests.Infrastructure;

namespace ApiGuard.Tests.Robustness;

/// <summary>The realistic sources the robustness and fix-safety tests run over: the sample apps and the test corpus.</summary>
public static class CorpusSources
{
    public static string SamplesFolder => Path.Combine(TestReferences.RepositoryRoot, "tests", "Samples");

    public static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>Every sample and corpus file, by a short name.</summary>
    public static IReadOnlyDictionary<string, string> All()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var sample in Directory.GetDirectories(SamplesFolder))
        {
            foreach (var file in Directory.GetFiles(sample, "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
            {
                files["Samples/" + Path.GetFileName(sample) + "/" + Path.GetRelativePath(sample, file).Replace('\\', '/')] = file;
            }
        }

        foreach (var kind in new[] { "Secure", "Vulnerable" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(CorpusFolder, kind), "*.cs", SearchOption.AllDirectories))
            {
                files["Corpus/" + kind + "/" + Path.GetRelativePath(Path.Combine(CorpusFolder, kind), file).Replace('\\', '/')] = file;
            }
        }

        return files;
    }

    /// <summary>The sources of one app: a sample's files, or one corpus file (with its sibling folder files when it is a folder app).</summary>
    public static IReadOnlyList<(string Path, string Text)> Load(string path)
        => new[] { (path, File.ReadAllText(path)) };

    private static bool IsBuildOutput(string file)
    {
        var normalized = file.Replace('\\', '/');
        return normalized.Contains("/obj/", StringComparison.Ordinal) || normalized.Contains("/bin/", StringComparison.Ordinal);
    }
}
