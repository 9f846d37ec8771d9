using System.Collections.Immutable;
using ApiGuard.Analyzers.Infrastructure;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>The shared facts of the credential rules, table by table.</summary>
public class CredentialsTests
{
    [Theory]
    [InlineData("password", "Password", "", "Password")]
    [InlineData("adminPassword", "Password", "Admin", "Password")]
    [InlineData("ADMIN_PASSWORD", "Password", "Admin", "Password")]
    [InlineData("db-pwd", "Password", "Db", "Password")]
    [InlineData("_smtpPasswd", "Password", "Smtp", "Password")]
    [InlineData("newPassword", "Password", "", "Password")]
    [InlineData("DefaultPassword", "Password", "", "Password")]
    [InlineData("passwordValue", "Password", "", "Password")]
    [InlineData("Password2", "Password", "", "Password")]
    [InlineData("ClientSecret", "Secret", "", "ClientSecret")]
    [InlineData("JwtSecret", "Secret", "Jwt", "Secret")]
    [InlineData("JwtSecretKey", "Secret", "Jwt", "SecretKey")]
    [InlineData("webhook_secret", "Secret", "Webhook", "Secret")]
    [InlineData("SendGridApiKey", "ApiKey", "SendGrid", "ApiKey")]
    [InlineData("APIKey", "ApiKey", "", "ApiKey")]
    [InlineData("apikey", "ApiKey", "", "ApiKey")]
    [InlineData("AwsSecretAccessKey", "AccessKey", "Aws", "SecretAccessKey")]
    [InlineData("accessKey", "AccessKey", "", "AccessKey")]
    [InlineData("privateKey", "PrivateKey", "", "PrivateKey")]
    [InlineData("passphrase", "Password", "", "Passphrase")]
    [InlineData("connectionString", "ConnectionString", "", "ConnectionString")]
    [InlineData("ordersConnectionString", "ConnectionString", "Orders", "ConnectionString")]
    [InlineData("DefaultConnection", "ConnectionString", "", "ConnectionString")]
    [InlineData("userName", "UserName", "", "UserName")]
    [InlineData("uid", "UserName", "", "UserName")]
    public void Classify_CredentialNames(string name, string kind, string qualifier, string leaf)
    {
        var result = Credentials.Classify(name);
        Assert.Equal(kind, result.Kind.ToString());
        Assert.Equal(qualifier, result.Qualifier);
        Assert.Equal(leaf, result.Leaf);
    }

    [Theory]
    [InlineData("passwordQuestion")]
    [InlineData("passwordAnswer")]
    [InlineData("PasswordRequiredLength")]
    [InlineData("RequiredPasswordLength")]
    [InlineData("PasswordHasher")]
    [InlineData("PasswordOptions")]
    [InlineData("ApiKeyHeaderName")]
    [InlineData("SecretName")]
    [InlineData("UserSecretsId")]
    [InlineData("HashedPassword")]
    [InlineData("EncryptedApiKey")]
    [InlineData("token")]
    [InlineData("signingKey")]
    [InlineData("bypass")]
    [InlineData("keyboard")]
    [InlineData("")]
    public void Classify_NotCredentials(string name)
        => Assert.False(Credentials.Classify(name) is { IsSecret: true } or { Kind: CredentialKind.ConnectionString });

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("x")]
    [InlineData("Please enter your password")]
    [InlineData("<password>")]
    [InlineData("${DB_PASSWORD}")]
    [InlineData("$(Password)")]
    [InlineData("{0}")]
    [InlineData("pass{0}word")]
    [InlineData("{{secret}}")]
    [InlineData("%DB_PASSWORD%")]
    [InlineData("[password]")]
    [InlineData("#{Password}#")]
    [InlineData("__PASSWORD__")]
    [InlineData("********")]
    [InlineData("xxxx")]
    [InlineData("your-password-here")]
    [InlineData("YOUR_API_KEY")]
    [InlineData("REPLACE_ME")]
    [InlineData("placeholder")]
    [InlineData("Admin:Password")]
    [InlineData("ConnectionStrings:Default")]
    [InlineData("Admin__Password")]
    [InlineData("DB_PASSWORD")]
    [InlineData("client_secret")]
    [InlineData("X-Api-Key")]
    [InlineData("https://vault.example.com/secrets/db")]
    [InlineData("/run/secrets/db_password")]
    [InlineData("null")]
    [InlineData("N/A")]
    public void IsNotSecret_KeysMessagesAndPlaceholders(string value) => Assert.True(Credentials.IsNotSecret(value));

    [Theory]
    [InlineData("Xk9#mQ2v")]
    [InlineData("admin123")]
    [InlineData("P@ssw0rd")]
    [InlineData("changeme")]
    [InlineData("changeit")]
    [InlineData("sk_live_51H8xQ2eZvKYlo2C")]
    [InlineData("t0p-s3cr3t-v4lue")]
    [InlineData("sa")]
    public void IsNotSecret_RealValues(string value) => Assert.False(Credentials.IsNotSecret(value));

    [Theory]
    [InlineData("admin", null, true)]
    [InlineData("ADMIN123", null, true)]
    [InlineData("p@ssw0rd", null, true)]
    [InlineData("changeit", null, true)]
    [InlineData("guest", "someone", true)]
    [InlineData("uploader", "uploader", true)]
    [InlineData("Mailer", "mailer", true)]
    [InlineData("", "sa", true)]
    [InlineData("", "root", true)]
    [InlineData("", "reports", false)]
    [InlineData("", null, false)]
    [InlineData("Xk9#mQ2v", "reports", false)]
    [InlineData("Acme-Default", null, true)]
    public void IsWellKnownDefault(string password, string? user, bool expected)
        => Assert.Equal(expected, Credentials.IsWellKnownDefault(password, user, ImmutableArray.Create("acme-default")));

    [Theory]
    [InlineData("Server=db;Database=orders;User Id=orders;Password=Xk9#mQ2v;", "orders", "Xk9#mQ2v")]
    [InlineData("server=db;uid=orders;pwd=Xk9#mQ2v", "orders", "Xk9#mQ2v")]
    [InlineData("Server=db;USER ID=sa;PASSWORD=;", "sa", "")]
    [InlineData("Host=pg;Username=orders;Password='a;b''c'", "orders", "a;b'c")]
    [InlineData("Data Source=sql01;User ID=reports;Password=\"x;y\"", "reports", "x;y")]
    [InlineData("Server=db;Password=  spaced ; Database=x", null, "spaced")]
    public void ParseConnectionString_ReadsUserAndPassword(string connectionString, string? user, string password)
    {
        var credentials = Credentials.ParseConnectionString(connectionString);
        Assert.NotNull(credentials);
        Assert.Equal(user, credentials.Value.UserName);
        Assert.Equal(password, credentials.Value.Password);
    }

    [Theory]
    [InlineData("Server=db;Integrated Security=true")]
    [InlineData("Data Source=app.db")]
    [InlineData("not a connection string")]
    [InlineData("Server=db;Password='unterminated")]
    [InlineData("")]
    public void ParseConnectionString_NoPassword(string connectionString) => Assert.Null(Credentials.ParseConnectionString(connectionString));

    [Theory]
    [InlineData("adminPassword", null, "Admin:Password")]
    [InlineData("password", "Smtp", "Smtp:Password")]
    [InlineData("password", null, "Password")]
    [InlineData("SendGridApiKey", "Mail", "SendGrid:ApiKey")]
    public void ConfigurationKey_FromNameAndSection(string name, string? section, string key)
        => Assert.Equal(key, Credentials.ConfigurationKey(Credentials.Classify(name), section));

    [Theory]
    [InlineData("admin", "Admin")]
    [InlineData("adminUser", "Admin")]
    [InlineData("smtpCredentials", "Smtp")]
    [InlineData("user", null)]
    public void SectionFromVariable(string variable, string? section) => Assert.Equal(section, Credentials.SectionFromVariable(variable));

    [Fact]
    public void EnvironmentVariable_UsesDoubleUnderscore() => Assert.Equal("ConnectionStrings__Default", Credentials.EnvironmentVariable("ConnectionStrings:Default"));
}
