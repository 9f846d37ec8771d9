using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ApiGuard.Tests.Rules.ConfigurationFiles;

/// <summary>
/// Runs one configuration-file analyzer over settings files passed as additional files (as the package's targets add them), next to a
/// minimal web app. Diagnostics are expected through markup in the JSON text (<c>{|AG0801:"value"|}</c>).
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
internal static class SettingsFileTest<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Program = """
        var app = WebApplication.Create(args);
        app.MapGet("/", () => "ok");
        app.Run();
        """;

    /// <summary>
    /// Verifies the markup of the settings files (name, JSON), with an optional <c>.globalconfig</c> body (options and severities for
    /// diagnostics in settings files belong in a global config, as the docs say).
    /// </summary>
    public static Task VerifyAsync(string? globalConfig, params (string Name, string Json)[] files)
        => Create(globalConfig, files).RunAsync();

    public static Task VerifyAsync(params (string Name, string Json)[] files) => VerifyAsync(null, files);

    public static ApiGuardTest<TAnalyzer, EmptyCodeFixProvider> Create(string? globalConfig, params (string Name, string Json)[] files)
    {
        var test = new ApiGuardTest<TAnalyzer, EmptyCodeFixProvider> { TestCode = Program };
        if (globalConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
        }

        // Analyzer diagnostics only: the rules on settings files have no code fix.
        test.TestBehaviors |= TestBehaviors.SkipGeneratedCodeCheck;
        foreach (var (name, json) in files)
        {
            test.TestState.AdditionalFiles.Add(("/0/" + name, json));
        }

        return test;
    }
}
