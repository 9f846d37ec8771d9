using System.Security.Cryptography;
using System.Text;

namespace ApiGuard.Benchmarks.Generation;

/// <summary>A generated project: its flavour and its source files, in memory.</summary>
public sealed class SyntheticProject
{
    public SyntheticProject(ProjectFlavour flavour, string assemblyName, IReadOnlyList<SourceFile> files, IReadOnlyList<string> expectedDiagnosticIds)
    {
        Flavour = flavour;
        AssemblyName = assemblyName;
        Files = files;
        ExpectedDiagnosticIds = expectedDiagnosticIds;
    }

    public ProjectFlavour Flavour { get; }

    public string AssemblyName { get; }

    public IReadOnlyList<SourceFile> Files { get; }

    /// <summary>The ApiGuard diagnostic IDs the project was written to produce, one entry per diagnostic, sorted.</summary>
    public IReadOnlyList<string> ExpectedDiagnosticIds { get; }

    /// <summary>A short name for reports, such as <c>AspNetCore-200</c>.</summary>
    public string Name => $"{Flavour}-{Files.Count}";

    public int LineCount => Files.Sum(f => f.Text.Count(c => c == '\n'));

    public long CharacterCount => Files.Sum(f => (long)f.Text.Length);

    /// <summary>
    /// The first hex digits of a SHA-256 over every path and text. The generator is deterministic, so the same generator code
    /// gives the same hash on every run and machine; a different hash means the benchmark input changed.
    /// </summary>
    public string ContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Path));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(file.Text));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
