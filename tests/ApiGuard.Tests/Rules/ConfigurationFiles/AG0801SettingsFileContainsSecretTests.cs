using Xunit;
using Verify = ApiGuard.Tests.Rules.ConfigurationFiles.SettingsFileTest<ApiGuard.Analyzers.Rules.ConfigurationFiles.SettingsFileContainsSecretAnalyzer>;

namespace ApiGuard.Tests.Rules.ConfigurationFiles;

public class AG0801SettingsFileContainsSecretTests
{
    [Fact]
    public Task ConnectionStringWithPassword_BaseFile_Reports()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "ConnectionStrings": {
                "Default": {|AG0801:"Server=db;Database=Shop;User Id=shop;Password=Xk9#mQ2v!pL7;"|}
              }
            }
            """));

    [Fact]
    public Task ConnectionStringWithPwd_OutsideConnectionStrings_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "Orders": { "Database": {|AG0801:"Host=db;Username=orders;Pwd=Xk9#mQ2v!pL7"|} } }"""));

    [Fact]
    public Task ConnectionStringWithoutPassword_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "ConnectionStrings": {
                "Default": "Server=(localdb)\\mssqllocaldb;Database=Shop;Trusted_Connection=True;MultipleActiveResultSets=true",
                "Empty": "Server=db;User Id=shop;Password=;"
              }
            }
            """));

    [Fact]
    public Task SecretNamedKeys_NestedSections_Report()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "Smtp": { "Host": "smtp.example.com", "Password": {|AG0801:"Hx7!vQ2#mK9p"|} },
              "Authentication": { "Google": { "ClientId": "1234.apps.googleusercontent.com", "ClientSecret": {|AG0801:"GOCSPX-9aB3xYz"|} } },
              "Payments": { "ApiKey": {|AG0801:"sk_live_51HxYz9aB3"|}, "WebhookSigningKey": {|AG0801:"whsec_8Hk2Lm9Q"|} },
              "Slack": { "BotToken": {|AG0801:"xoxb-2193-88a1f"|} },
              "Jwt": { "Key": {|AG0801:"c2VjcmV0LWtleS1mb3Itand0LXNpZ25pbmc="|}, "Issuer": "https://shop.example.com" }
            }
            """));

    [Fact]
    public Task SecretKey_CaseInsensitiveNames_Reports()
        => Verify.VerifyAsync(("appsettings.json", """{ "SMTP": { "PASSWORD": {|AG0801:"Hx7!vQ2#mK9p"|}, "api_key": {|AG0801:"a8f3b2c9d1e7"|} } }"""));

    [Fact]
    public Task SecretInArrayOfObjects_Reports()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "Clients": [
                { "Name": "mobile", "Secret": {|AG0801:"Hx7vQ2mK9pL3"|} },
                { "Name": "web", "Secret": "" },
              ],
            }
            """));

    [Fact]
    public Task Secret_WithCommentsAndTrailingCommas_Reports()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              // SMTP relay
              "Smtp": {
                /* rotated yearly */
                "Password": {|AG0801:"Hx7!vQ2#mK9p"|}, // TODO move
              },
            }
            """));

    [Fact]
    public Task Secret_EnvironmentFile_Reports()
        => Verify.VerifyAsync(
            ("appsettings.json", """{ "Smtp": { "Password": "" } }"""),
            ("appsettings.Staging.json", """{ "Smtp": { "Password": {|AG0801:"Hx7!vQ2#mK9p"|} } }"""),
            ("appsettings.Production.json", """{ "Smtp": { "Password": {|AG0801:"Qm3!zT8#wR5n"|} } }"""));

    [Fact]
    public Task Secret_Message_NamesKeyFileAndWhatToDo()
    {
        var test = Verify.Create(null, ("appsettings.Production.json", """{ "Smtp": { "Password": {|#0:"Qm3!zT8#wR5n"|} } }"""));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("AG0801", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .WithLocation(0).WithArguments("Smtp:Password", "appsettings.Production.json", "password")
            .WithMessage("'Smtp:Password' in appsettings.Production.json holds a password; move it to user secrets, environment variables or a key vault"));
        return test.RunAsync();
    }

    [Fact]
    public Task Secret_DevelopmentFile_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.Development.json", """
            {
              "ConnectionStrings": { "Default": "Server=localhost;User Id=dev;Password=Xk9#mQ2v!pL7;" },
              "Smtp": { "Password": "Hx7!vQ2#mK9p" }
            }
            """));

    [Fact]
    public Task Secret_LaunchSettingsAndOtherJsonFiles_NoDiagnostic()
        => Verify.VerifyAsync(
            ("Properties/launchSettings.json", """{ "profiles": { "web": { "environmentVariables": { "Smtp__Password": "Hx7!vQ2#mK9p" } } } }"""),
            ("secrets.json", """{ "Smtp": { "Password": "Hx7!vQ2#mK9p" } }"""),
            ("appsettings.Development.Local.json", """{ "Smtp": { "Password": "Hx7!vQ2#mK9p" } }"""));

    [Fact]
    public Task Placeholders_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "ConnectionStrings": {
                "Default": "Server=db;User Id=shop;Password=<password>;",
                "Reports": "Server=db;User Id=shop;Password=${DB_PASSWORD};",
                "Audit": "Server=db;User Id=shop;Password=#{AuditPassword}#;"
              },
              "Smtp": { "Password": "" },
              "Payments": { "ApiKey": "__PAYMENTS_API_KEY__", "ClientSecret": "<client-secret>" },
              "Jwt": { "Key": "${JWT_KEY}", "SigningKey": "your-signing-key-here" },
              "Mail": { "Password": null, "Token": "REPLACE_ME" },
              "Other": { "Password": "***" }
            }
            """));

    [Fact]
    public Task LookAlikeKeys_NoDiagnostic()
        => Verify.VerifyAsync(("appsettings.json", """
            {
              "Identity": { "Password": { "RequiredLength": 12, "RequireDigit": true } },
              "ApiKeyHeaderName": "X-Api-Key",
              "Antiforgery": { "HeaderName": "X-CSRF-TOKEN", "CsrfToken": "X-XSRF-TOKEN" },
              "Jwt": { "Issuer": "https://shop.example.com", "TokenLifetimeMinutes": 30, "ValidateToken": true },
              "Cache": { "Key": "products-v2" },
              "Secrets": { "VaultUri": "https://shop.vault.azure.net/" },
              "Auth": { "PasswordResetUrl": "/account/reset", "SecretName": "shop-db-password" }
            }
            """));

    [Fact]
    public Task AdditionalSecretKeys_Option_Reports()
        => Verify.VerifyAsync(
            "apiguard.config.additional_secret_keys = Pin, Payments:MerchantCode",
            ("appsettings.json", """{ "Door": { "Pin": {|AG0801:"48213977"|} }, "Payments": { "MerchantCode": {|AG0801:"M-88213-X"|} }, "Shop": { "MerchantCode": "M-1" } }"""));

    [Fact]
    public Task DevelopmentEnvironments_Option_SkipsListedEnvironments()
        => Verify.VerifyAsync(
            "apiguard.config.development_environments = Development, Local",
            ("appsettings.Local.json", """{ "Smtp": { "Password": "Hx7!vQ2#mK9p" } }"""),
            ("appsettings.Qa.json", """{ "Smtp": { "Password": {|AG0801:"Hx7!vQ2#mK9p"|} } }"""));

    [Fact]
    public Task Secret_MalformedFile_NoDiagnosticFromThisRule()
        => Verify.VerifyAsync(("appsettings.json", """{ "Smtp": { "Password": "Hx7!vQ2#mK9p" """));

    [Fact]
    public Task Secret_NotAnAspNetCoreProject_NoDiagnostic()
    {
        var test = Verify.Create(null, ("appsettings.json", """{ "Smtp": { "Password": "Hx7!vQ2#mK9p" } }"""));
        test.TestState.Sources.Clear();
        test.TestState.Sources.Add("class C { }");
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task SecretsInArrayOfStrings_KnownFalseNegative()
        => Verify.VerifyAsync(("appsettings.json", """{ "ApiKeys": [ "a8f3b2c9d1e7", "f1e2d3c4b5a6" ] }"""));
}
