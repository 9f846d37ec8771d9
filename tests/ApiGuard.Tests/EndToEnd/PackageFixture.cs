using ApiGuard.Tests.Infrastructure;
using Xunit;

namespace ApiGuard.Tests.EndToEnd;

/// <summary>
/// The packed ApiGuard.Analyzers package, shared by the end-to-end tests. CI's script packs it first and passes the folder in
/// <c>APIGUARD_PACKAGE_DIR</c>; otherwise (a run from the IDE) the fixture packs it itself into a temporary feed. Every run
/// restores into its own empty packages folder, so an old copy of the package is never used.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public const string PackageId = "ApiGuard.Analyzers";

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "apiguard-e2e", Guid.NewGuid().ToString("N"));

    public string FeedDirectory { get; private set; } = string.Empty;

    public string PackagePath { get; private set; } = string.Empty;

    public string Version { get; private set; } = string.Empty;

    public string PackagesDirectory => Path.Combine(WorkDirectory, "packages");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        var given = System.Environment.GetEnvironmentVariable("APIGUARD_PACKAGE_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            FeedDirectory = Path.GetFullPath(given);
        }
        else
        {
            FeedDirectory = Path.Combine(WorkDirectory, "feed");
            var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var pack = await DotNetCli.RunAsync(
                TestReferences.RepositoryRoot,
                null,
                "pack",
                Path.Combine(TestReferences.RepositoryRoot, "src", "ApiGuard.Package", "ApiGuard.Package.csproj"),
                "-c",
                "Release",
                "-o",
                FeedDirectory,
                "-p:Version=" + version);
            Assert.True(pack.ExitCode == 0, "dotnet pack failed: " + pack);
        }

        var packages = Directory.GetFiles(FeedDirectory, PackageId + ".*.nupkg").Where(p => !p.EndsWith(".symbols.nupkg", StringComparison.Ordinal)).ToList();
        Assert.True(packages.Count == 1, $"Expected one {PackageId} package in {FeedDirectory}, found {packages.Count}.");
        PackagePath = packages[0];
        Version = Path.GetFileNameWithoutExtension(PackagePath).Substring(PackageId.Length + 1);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A locked file in a temporary folder is not worth failing the run.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Copies a sample app into a fresh folder that restores only from the package feed, with the sample's analyzer project
    /// references replaced by a PackageReference to the packed package.
    /// </summary>
    public string CreateApp(string sample, string? extraProjectContent = null)
    {
        var samples = Path.Combine(TestReferences.RepositoryRoot, "tests", "Samples");
        var root = Path.Combine(WorkDirectory, sample + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        var app = Path.Combine(root, sample);
        CopyDirectory(Path.Combine(samples, sample), app);
        File.Copy(Path.Combine(samples, "Directory.Build.props"), Path.Combine(root, "Directory.Build.props"));
        File.Copy(Path.Combine(samples, "Directory.Packages.props"), Path.Combine(root, "Directory.Packages.props"));
        File.WriteAllText(Path.Combine(root, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="apiguard" value="{FeedDirectory}" />
              </packageSources>
            </configuration>
            """);

        var projectPath = Path.Combine(app, sample + ".csproj");
        var project = File.ReadAllText(projectPath);
        const string Start = "<!-- apiguard-reference -->";
        const string End = "<!-- /apiguard-reference -->";
        var from = project.IndexOf(Start, StringComparison.Ordinal);
        var to = project.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"{sample}.csproj has no apiguard-reference markers.");
        var replacement = $"""
            <ItemGroup>
                <PackageReference Include="{PackageId}" Version="{Version}" PrivateAssets="all" />
              </ItemGroup>
              {extraProjectContent}
            """;
        project = project.Substring(0, from) + replacement + project.Substring(to + End.Length);
        File.WriteAllText(projectPath, project);
        return projectPath;
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            var name = Path.GetFileName(directory);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(directory, Path.Combine(destination, name));
        }
    }
}
