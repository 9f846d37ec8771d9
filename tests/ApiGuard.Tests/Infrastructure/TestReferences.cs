using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ApiGuard.Tests.Infrastructure;

/// <summary>The ASP.NET Core versions a test can compile against.</summary>
public enum AspNetCoreVersion
{
    Net80,
    Net100,
}

/// <summary>
/// Metadata references for test compilations, built once per run from the reference packs that the test project restores at
/// build time (<c>PackageDownload</c>). Nothing is downloaded at test time.
/// </summary>
public static class TestReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80Lazy = new(() => Load("8.0.0", "net8.0"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net100Lazy = new(() => Load("10.0.12", "net10.0"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> Net80CoreOnlyLazy = new(() => LoadPack("microsoft.netcore.app.ref", "8.0.0", "net8.0"));

    /// <summary>.NET 8 and ASP.NET Core 8.</summary>
    public static ImmutableArray<MetadataReference> Net80 => Net80Lazy.Value;

    /// <summary>.NET 10 and ASP.NET Core 10.</summary>
    public static ImmutableArray<MetadataReference> Net100 => Net100Lazy.Value;

    /// <summary>.NET 8 without ASP.NET Core: a compilation that is not a web app.</summary>
    public static ImmutableArray<MetadataReference> Net80WithoutAspNetCore => Net80CoreOnlyLazy.Value;

    public static ImmutableArray<MetadataReference> For(AspNetCoreVersion version) => version switch
    {
        AspNetCoreVersion.Net80 => Net80,
        AspNetCoreVersion.Net100 => Net100,
        _ => throw new ArgumentOutOfRangeException(nameof(version)),
    };

    /// <summary>The NuGet packages folder the test project restored into.</summary>
    public static string PackageRoot { get; } = ReadMetadata("NuGetPackageRoot");

    /// <summary>The repository root (where Analyzers.sln is).</summary>
    public static string RepositoryRoot { get; } = ReadMetadata("RepositoryRoot");

    private static ImmutableArray<MetadataReference> Load(string version, string framework)
        => LoadPack("microsoft.netcore.app.ref", version, framework).AddRange(LoadPack("microsoft.aspnetcore.app.ref", version, framework));

    private static ImmutableArray<MetadataReference> LoadPack(string package, string version, string framework)
    {
        var folder = Path.Combine(PackageRoot, package, version, "ref", framework);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Reference pack folder '{folder}' is missing. The test project restores it with PackageDownload; run 'dotnet restore' (or build) first.");
        }

        return Directory.GetFiles(folder, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }

    private static string ReadMetadata(string key)
    {
        var value = typeof(TestReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"Assembly metadata '{key}' is missing: the test project sets it at build time.");
        }

        return value;
    }
}
