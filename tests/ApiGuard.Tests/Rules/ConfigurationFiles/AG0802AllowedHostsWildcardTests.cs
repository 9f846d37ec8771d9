using ApiGuard.Analyzers.Rules.ConfigurationFiles;
using Xunit;
using Verify = ApiGuard.Tests.Rules.ConfigurationFiles.SettingsFileTest<ApiGuard.Analyzers.Rules.ConfigurationFiles.AllowedHostsWildcardAnalyzer>;

namespace ApiGuard.Tests.Rules.ConfigurationFiles;

public class AG0802AllowedHostsWildcardTests
{
    [Fact]
    public Task AllowedHostsWildcard_BaseFile_Reports()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "Logging": { "LogLevel": { "Default": "Information" } },
              "AllowedHosts": {|AG0802:"*"|}
            }
            """));

    [Fact]
    public Task AllowedHostsWildcard_InList_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "AllowedHosts": {|AG0802:"example.com;*"|} }"""));

    [Fact]
    public Task AllowedHostsWildcard_CaseInsensitiveKeyWithCommentsAndTrailingComma_Reports()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              // host filtering
              /* the template's default */
              "allowedhosts": {|AG0802:"*"|},
            }
            """));

    [Fact]
    public Task AllowedHostsWildcard_ProductionFile_Reports()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "AllowedHosts": "api.example.com" }"""),
            ("appsettings.Production.json", """{ "AllowedHosts": {|AG0802:"*"|} }"""));

    [Fact]
    public Task AllowedHostsWildcard_ProductionOverridesBase_NoDiagnostic()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "AllowedHosts": "*" }"""),
            ("appsettings.Production.json", """{ "AllowedHosts": "api.example.com" }"""));

    [Fact]
    public Task AllowedHostsWildcard_ProductionFileWithoutKey_ReportsBase()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "AllowedHosts": {|AG0802:"*"|} }"""),
            ("appsettings.Production.json", """{ "Logging": { "LogLevel": { "Default": "Warning" } } }"""));

    [Fact]
    public Task AllowedHostsWildcard_DevelopmentAndStagingFiles_NoDiagnostic()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "AllowedHosts": "api.example.com" }"""),
            ("appsettings.Development.json", """{ "AllowedHosts": "*" }"""),
            ("appsettings.Staging.json", """{ "AllowedHosts": "*" }"""));

    [Fact]
    public Task AllowedHosts_ListedHosts_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """{ "AllowedHosts": "api.example.com;*.example.com" }"""));

    [Fact]
    public Task AllowedHostsWildcard_NestedSection_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """{ "Kestrel": { "AllowedHosts": "*" } }"""));

    [Fact]
    public Task AllowedHostsWildcard_OtherJsonFile_NoDiagnostic()
        => Verify.VerifyAsync(("hosts.json", """{ "AllowedHosts": "*" }"""));

    [Fact]
    public Task AllowedHostsWildcard_MalformedProductionFile_ReportsBase()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "AllowedHosts": {|AG0802:"*"|} }"""),
            ("appsettings.Production.json", """{ "AllowedHosts": "api.example.com" """));

    [Fact]
    public Task AllowedHostsWildcard_TestProject_NoDiagnostic()
        => Verify.VerifyAsync("build_property.IsTestProject = true", ("appsettings.json", """{ "AllowedHosts": "*" }"""));

    [Fact]
    public async Task AllowedHostsWildcard_SeverityInCSharpOnlySection_StaysSuggestion()
    {
        // An .editorconfig [*.cs] section does not apply to diagnostics in JSON files (docs/configuration.md).
        var test = Verify.Create(null, ("appsettings.json", """{ "AllowedHosts": {|#0:"*"|} }"""));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.AG0802.severity = warning\n"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG0802", Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .WithLocation(0).WithArguments("*", "appsettings.json"));
        await test.RunAsync();
    }

    [Fact]
    public async Task AllowedHostsWildcard_IsSuggestionByDefault()
    {
        Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Info, AllowedHostsWildcardAnalyzer.Rule.DefaultSeverity);
        var test = Verify.Create("dotnet_diagnostic.AG0802.severity = warning", ("appsettings.json", """{ "AllowedHosts": {|#0:"*"|} }"""));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG0802", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0).WithArguments("*", "appsettings.json"));
        await test.RunAsync();
    }
}
