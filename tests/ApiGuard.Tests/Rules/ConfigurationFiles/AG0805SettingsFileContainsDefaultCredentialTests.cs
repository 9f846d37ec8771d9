using Xunit;
using Verify = ApiGuard.Tests.Rules.ConfigurationFiles.SettingsFileTest<ApiGuard.Analyzers.Rules.ConfigurationFiles.SettingsFileContainsSecretAnalyzer>;

namespace ApiGuard.Tests.Rules.ConfigurationFiles;

public class AG0805SettingsFileContainsDefaultCredentialTests
{
    [Fact]
    public Task DefaultPasswords_Report()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "ConnectionStrings": {
                "Default": {|AG0805:"Server=db;Database=Shop;User Id=sa;Password=P@ssw0rd;"|},
                "Legacy": {|AG0805:"Server=db;User Id=sa;Password=;"|}
              },
              "Admin": { "UserName": "admin", "Password": {|AG0805:"admin"|} },
              "Seed": { "Password": {|AG0805:"changeme"|} },
              "Smtp": { "User": "mailer", "Password": {|AG0805:"MAILER"|} }
            }
            """));

    [Fact]
    public Task DefaultPassword_IsErrorAndNeverAlsoAG0801()
    {
        var test = Verify.Create(null, ("appsettings.json", """{ "Admin": { "Password": {|#0:"admin123"|} } }"""));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG0805", Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .WithLocation(0).WithArguments("Admin:Password", "appsettings.json", "password"));
        return test.RunAsync();
    }

    [Fact]
    public Task AdditionalDefaultPasswords_Option_Reports()
        => Verify.VerifyAsync(
            "apiguard.secrets.additional_default_passwords = Contoso2024",
            ("appsettings.json", """{ "Admin": { "Password": {|AG0805:"contoso2024"|} } }"""));

    [Fact]
    public Task DefaultPassword_DevelopmentFile_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.Development.json", """{ "ConnectionStrings": { "Default": "Server=localhost;User Id=sa;Password=P@ssw0rd;" } }"""));

    [Fact]
    public Task DefaultPassword_Placeholder_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """{ "Admin": { "UserName": "admin", "Password": "<admin password>" } }"""));
}
