using Xunit;
using Verify = ApiGuard.Tests.Rules.ConfigurationFiles.SettingsFileTest<ApiGuard.Analyzers.Rules.ConfigurationFiles.SettingsFileUnreadableAnalyzer>;

namespace ApiGuard.Tests.Rules.ConfigurationFiles;

public class AG0804SettingsFileUnreadableTests
{
    [Fact]
    public Task MissingComma_Reports()
    {
        var test = Verify.Create(null, ("appsettings.json", """
            {
              "AllowedHosts": "*"
              {|#0:"|}DetailedErrors": true
            }
            """));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG0804", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0).WithArguments("appsettings.json", "',' or '}' was expected after a property value"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnclosedObject_EndOfFile_ReportsOnce()
        => Verify.VerifyAsync(("appsettings.Production.json", """{ "Smtp": { "Password": "x" }{|AG0804:|}"""));

    [Fact]
    public Task UnquotedValue_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "AllowedHosts": {|AG0804:*|} }"""));

    [Fact]
    public Task MalformedDevelopmentFile_Reports()
        => Verify.VerifyAsync(("appsettings.Development.json", """{ "Logging": {|AG0804:]|} }"""));

    [Fact]
    public Task MalformedLaunchSettings_Reports()
        => Verify.VerifyAsync(("Properties/launchSettings.json", """{ "profiles": { "web": { "commandName": "Project", } }{|AG0804:|}"""));

    [Fact]
    public Task DuplicateKeyInOtherCase_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "AllowedHosts": "example.com", {|AG0804:"allowedHosts"|}: "*" }"""));

    [Fact]
    public Task CommentsAndTrailingCommas_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """
            // The app's settings
            {
              /* host filtering */
              "AllowedHosts": "example.com", // one host
              "Cors": { "AllowedOrigins": [ "https://a.example.com", "https://b.example.com", ], },
            }
            """));

    [Fact]
    public Task OtherJsonFile_Malformed_NoDiagnostic()
        => Verify.VerifyAsync(("package.json", """{ "name": """));
}
