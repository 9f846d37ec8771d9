// Regenerates the presets, the package's rule-ID list, and the README/docs tables from the descriptors.
//   dotnet run --project build/tools/ApiGuard.Generator            writes the files
//   dotnet run --project build/tools/ApiGuard.Generator -- --check exits 1 when a file is out of date (CI)
var check = args.Contains("--check");
var root = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? FindRoot(AppContext.BaseDirectory);
var outdated = new ApiGuard.Generator.Generator(root).Run(check);
foreach (var path in outdated)
{
    Console.WriteLine((check ? "out of date: " : "updated: ") + path);
}

if (check && outdated.Count > 0)
{
    Console.Error.WriteLine("Generated files are out of date. Run: dotnet run --project build/tools/ApiGuard.Generator");
    return 1;
}

return 0;

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Analyzers.sln")))
        {
            return dir.FullName;
        }
    }

    return Directory.GetCurrentDirectory();
}
