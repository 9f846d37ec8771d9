using Xunit;
using Verify = ApiGuard.Tests.Rules.ConfigurationFiles.SettingsFileTest<ApiGuard.Analyzers.Rules.ConfigurationFiles.DevelopmentSettingsInProductionAnalyzer>;

namespace ApiGuard.Tests.Rules.ConfigurationFiles;

public class AG0803DevelopmentSettingsInProductionTests
{
    [Fact]
    public Task DetailedErrorsTrue_BaseFile_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "DetailedErrors": {|AG0803:true|}, "AllowedHosts": "*" }"""));

    [Fact]
    public Task DetailedErrorsTrueAsString_CaseInsensitiveKey_Reports()
        => Verify.VerifyAsync(("appsettings.Staging.json", """{ "detailederrors": {|AG0803:"True"|} }"""));

    [Fact]
    public Task AspNetCoreDebugLogging_BaseFile_Reports()
    {
        var test = Verify.Create(null, ("appsettings.json", """
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information",
                  "Microsoft.AspNetCore": {|#0:"Debug"|}, // while chasing a bug
                },
              },
            }
            """));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG0803", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0).WithArguments("Logging:LogLevel:Microsoft.AspNetCore", "Debug", "appsettings.json"));
        return test.RunAsync();
    }

    [Fact]
    public Task DefaultTrace_NoMoreSpecificLevel_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "Logging": { "LogLevel": { "Default": {|AG0803:"Trace"|} } } }"""));

    [Fact]
    public Task DefaultDebug_AspNetCoreAtWarning_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Debug", "Microsoft.AspNetCore": "Warning" } } }"""));

    [Fact]
    public Task MicrosoftDebug_InEnvironmentFile_OverBaseDefault_Reports()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }"""),
            ("appsettings.Staging.json", """{ "Logging": { "LogLevel": { "Microsoft": {|AG0803:"Debug"|} } } }"""));

    [Fact]
    public Task DefaultDebug_InEnvironmentFile_BaseSetsAspNetCore_NoDiagnostic()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } } }"""),
            ("appsettings.Staging.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""));

    [Fact]
    public Task BaseDebug_OverriddenInProduction_NoDiagnostic()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "DetailedErrors": true, "Logging": { "LogLevel": { "Microsoft.AspNetCore": "Debug" } } }"""),
            ("appsettings.Production.json", """{ "DetailedErrors": false, "Logging": { "LogLevel": { "Microsoft.AspNetCore": "Warning" } } }"""));

    [Fact]
    public Task ProductionFile_DebugLogging_Reports()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "Logging": { "LogLevel": { "Microsoft.AspNetCore": "Warning" } } }"""),
            ("appsettings.Production.json", """{ "Logging": { "LogLevel": { "Microsoft.AspNetCore": {|AG0803:"Trace"|} } } }"""));

    [Fact]
    public Task DevelopmentFile_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.Development.json", """
            { "DetailedErrors": true, "Logging": { "LogLevel": { "Default": "Debug", "Microsoft.AspNetCore": "Trace" } } }
            """));

    [Fact]
    public Task SafeValues_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "DetailedErrors": false,
              "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning", "MyApp.Orders": "Debug" } },
              "Features": { "DetailedErrors": true }
            }
            """));

    [Fact]
    public Task DevelopmentEnvironments_Option_SkipsListedEnvironments()
        => Verify.VerifyAsync(
            "apiguard.config.development_environments = Development, Local",
            ("appsettings.Local.json", """{ "DetailedErrors": true }"""));

    [Fact]
    public Task ProviderSpecificLogLevel_KnownFalseNegative()
        => Verify.VerifyAsync(("appsettings.json", """{ "Logging": { "Console": { "LogLevel": { "Microsoft.AspNetCore": "Debug" } } } }"""));
}
