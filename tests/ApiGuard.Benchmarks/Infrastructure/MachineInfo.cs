using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis.CSharp;

namespace ApiGuard.Benchmarks.Infrastructure;

/// <summary>What the report prints about the machine and the toolchain, so figures can be compared.</summary>
public static class MachineInfo
{
    public static string CpuModel
    {
        get
        {
            const string CpuInfo = "/proc/cpuinfo";
            if (File.Exists(CpuInfo))
            {
                var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line is not null && line.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }

            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    /// <summary>The .NET SDK that built this program (<c>$(NETCoreSdkVersion)</c>).</summary>
    public static string SdkVersion => Metadata("NETCoreSdkVersion") ?? "unknown";

    /// <summary>The Roslyn the benchmark hosts: the compiler and analyzer driver being measured.</summary>
    public static string RoslynVersion
        => typeof(CSharpCompilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
            ?? typeof(CSharpCompilation).Assembly.GetName().Version?.ToString()
            ?? "unknown";

    /// <summary>The 1, 5 and 15-minute load averages (Linux), to judge how busy the machine was; null elsewhere.</summary>
    public static string? LoadAverage
    {
        get
        {
            const string LoadAvg = "/proc/loadavg";
            return File.Exists(LoadAvg) ? string.Join(' ', File.ReadAllText(LoadAvg).Split(' ').Take(3)) : null;
        }
    }

    /// <summary>Whether the JIT tiers code (the project turns it off: see ApiGuard.Benchmarks.csproj).</summary>
    public static bool TieredCompilation
        => !string.Equals(AppContext.GetData("System.Runtime.TieredCompilation")?.ToString(), "false", StringComparison.OrdinalIgnoreCase);

    public static bool IsOptimizedBuild
        => typeof(MachineInfo).Assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    public static IEnumerable<string> Describe()
    {
        yield return $"CPU:      {CpuModel}, {Environment.ProcessorCount} logical cores";
        yield return $"OS:       {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"Runtime:  {RuntimeInformation.FrameworkDescription}; built with .NET SDK {SdkVersion}; "
            + $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; tiered compilation {(TieredCompilation ? "on" : "off")}";
        yield return $"Roslyn:   Microsoft.CodeAnalysis.CSharp {RoslynVersion} (hosted by the benchmark)";
        if (LoadAverage is { } load)
        {
            yield return $"Load:     {load} (1/5/15-minute load averages at start; more than the core count means other work competed)";
        }
    }

    private static string? Metadata(string key)
        => typeof(MachineInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
