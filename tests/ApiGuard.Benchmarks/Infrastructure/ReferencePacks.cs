using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>
/// Metadata references for the generated projects, built once per run from the reference packs this project restores at build
/// time (<c>PackageDownload</c>). Nothing is downloaded at run time.
/// </summary>
public static class ReferencePacks
{
    /// <summary>The pack version the benchmarks compile against.</summary>
    public const string Version = "8.0.0";

    private const string Framework = "net8.0";

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCoreLazy = new(() => Load("microsoft.netcore.app.ref"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCoreLazy = new(() => NetCore.AddRange(Load("microsoft.aspnetcore.app.ref")));

    /// <summary>.NET 8 only: a project that is not a web app.</summary>
    public static ImmutableArray<MetadataReference> NetCore => NetCoreLazy.Value;

    /// <summary>.NET 8 and ASP.NET Core 8.</summary>
    public static ImmutableArray<MetadataReference> AspNetCore => AspNetCoreLazy.Value;

    /// <summary>The NuGet packages folder this project restored into.</summary>
    public static string PackageRoot { get; } = ReadMetadata("NuGetPackageRoot");

    private static ImmutableArray<MetadataReference> Load(string package)
    {
        var folder = Path.Combine(PackageRoot, package, Version, "ref", Framework);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"Reference pack folder '{folder}' is missing. The benchmark project restores it with PackageDownload; run 'dotnet restore' (or build) first.");
        }

        return Directory.GetFiles(folder, "*.dll")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    }

    private static string ReadMetadata(string key)
    {
        var value = typeof(ReferencePacks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
        if (string.IsNullOrEmpty(value))
        {
            throw new InvalidOperationException($"Assembly metadata '{key}' is missing: the benchmark project sets it at build time.");
        }

        return value;
    }
}
