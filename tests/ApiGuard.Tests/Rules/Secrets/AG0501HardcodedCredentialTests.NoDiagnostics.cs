using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    ApiGuard.CodeFixes.Rules.Secrets.HardcodedCredentialCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Secrets;

public partial class AG0501HardcodedCredentialTests
{
    [Fact]
    public Task ConfigurationReads_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using System.Net;
            using Microsoft.AspNetCore.Identity;
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options.UseSqlServer(builder.Configuration.GetConnectionString("Default")));
            var credentials = new NetworkCredential("mailer", builder.Configuration["Smtp:Password"]);
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var password = app.Configuration["Admin:Password"] ?? throw new InvalidOperationException("Admin:Password is not configured.");
                await users.CreateAsync(new IdentityUser("admin@example.com"), password);
            }

            app.Run();
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task PasswordQuestionAndAnswer_NotSecrets_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class Membership
            {
                public static void CreateUser(string username, string password, string email, string passwordQuestion, string passwordAnswer) { }

                public static void Seed(string configuredPassword)
                    => CreateUser("ops", configuredPassword, "ops@example.com", passwordQuestion: "favouriteColour", passwordAnswer: "teal");
            }
            """);

    [Fact]
    public Task MessagesAndLabels_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.ComponentModel.DataAnnotations;
            using Microsoft.AspNetCore.Mvc.ModelBinding;

            public sealed class LoginModel
            {
                public const string PasswordPrompt = "Please enter your password";

                [Required(ErrorMessage = "Please enter your password")]
                [Display(Name = "Password")]
                public string Password { get; set; } = "";

                public static void Validate(ModelStateDictionary modelState, string password)
                {
                    if (password.Length < 12)
                    {
                        modelState.AddModelError("Password", "Please enter your password");
                    }

                    var secret = "The secret must be at least 32 characters long";
                }
            }
            """);

    [Fact]
    public Task ConfigurationKeysAndConstantsNamingKeys_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class SettingKeys
            {
                public const string AdminPasswordKey = "Admin:Password";
                public const string AdminPassword = "Admin:Password";
                public const string DbPassword = "DB_PASSWORD";
                public const string SmtpPassword = "Smtp__Password";
                public const string ApiKey = "X-Api-Key";
                public const string ClientSecret = "client_secret";
                public const string Password = "password";

                public static string? Read(IConfiguration configuration)
                    => configuration[AdminPassword] ?? configuration["Jwt:Secret"] ?? Environment.GetEnvironmentVariable(DbPassword);
            }
            """);

    [Fact]
    public Task Placeholders_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            public static class Templates
            {
                public static readonly NetworkCredential[] Examples =
                {
                    new NetworkCredential("mailer", ""),
                    new NetworkCredential("mailer", "<password>"),
                    new NetworkCredential("mailer", "${SMTP_PASSWORD}"),
                    new NetworkCredential("mailer", "{0}"),
                    new NetworkCredential("mailer", "%SMTP_PASSWORD%"),
                    new NetworkCredential("mailer", "********"),
                    new NetworkCredential("mailer", "your-password-here"),
                    new NetworkCredential("mailer", "REPLACE_ME"),
                };

                public const string ApiKey = "<your-api-key>";
            }
            """);

    [Fact]
    public Task NamesThatAreNotSecrets_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            public static class IdentitySetup
            {
                public const int PasswordRequiredLength = 12;
                public const string PasswordRequiredLengthText = "12";
                public const string ApiKeyHeaderName = "X-Api-Key";
                public const string PasswordResetPath = "reset";
                public const string HashedPassword = "AQAAAAIAAYagAAAAEJ4";

                public static void Configure(IdentityOptions options)
                {
                    options.Password.RequiredLength = PasswordRequiredLength;
                    var hasher = new PasswordHasher<IdentityUser>();
                    var passwordHasherName = "pbkdf2";
                }
            }
            """);

    [Fact]
    public Task ConnectionStringsWithoutPassword_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public static class Database
            {
                public static void Open()
                {
                    new SqlConnection("Server=sql01;Database=reports;Integrated Security=true");
                    new SqlConnection("Server=sql01;Database=reports;Trusted_Connection=True;TrustServerCertificate=True");
                    new SqlConnection("Data Source=app.db");
                    new SqlConnection("Server=sql01;Database=reports;User ID=reports;Password={0}");
                    new SqlConnection("Server=sql01;Database=reports;User ID=reports;Password=${DB_PASSWORD}");
                    new SqlConnection("Server=sql01;Database=reports;User ID=reports;Password=");
                }
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                var credentials = new NetworkCredential("mailer", "Xk9#mQ2v");
            }

            builder.Build().Run();
            """);

    [Fact]
    public Task SeedingHelperCalledOnlyInDevelopment_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                await app.SeedDemoUsersAsync();
            }

            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Seeding.cs", """
            using Microsoft.AspNetCore.Identity;

            public static class Seeding
            {
                public static async Task SeedDemoUsersAsync(this WebApplication app)
                {
                    using var scope = app.Services.CreateScope();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                    await users.CreateAsync(new IdentityUser("demo@example.com"), "D3mo-Us3r!");
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task NotAnAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using System.Net;

            public static class Mailer
            {
                public static NetworkCredential Credentials() => new NetworkCredential("mailer", "Xk9#mQ2v");
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using System.Net;

            var credentials = new NetworkCredential("mailer", "Xk9#mQ2v");
            WebApplication.Create(args).Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_WithAnalyzeTestProjects_Reports()
    {
        var test = VerifyCS.Create("""
            using System.Net;

            var credentials = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            WebApplication.Create(args).Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task ReadonlyFieldFlowingIntoSink_KnownFalseNegative()
    {
        // Only constants and locals are followed: a static readonly field is not, unless its own name says credential.
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public static class Database
            {
                private static readonly string Reports = "Server=sql01;Database=reports;User ID=reports;Password=Xk9#mQ2v";

                public static SqlConnection Open() => new SqlConnection(Reports);
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task DictionaryEntryNamedLikeCredential_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Smtp:Password"] = "Xk9#mQ2v",
            });
            builder.Build().Run();
            """);

    [Fact]
    public Task PassphraseWithSpaces_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", "correct horse battery staple");
            builder.Build().Run();
            """);

    [Fact]
    public Task NameOutsideTheList_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class GitHub
            {
                public const string AccessToken = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
            }
            """);

    [Fact]
    public Task SeederTakingServiceProvider_CalledOnlyInDevelopment_Reports()
    {
        // A seeder that takes IServiceProvider is not part of the app model, so its Development-only call site is not seen: it is reported.
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                await DemoData.SeedAsync(app.Services);
            }

            app.Run();
            """);
        test.TestState.Sources.Add(("/0/DemoData.cs", """
            using Microsoft.AspNetCore.Identity;

            public static class DemoData
            {
                public static async Task SeedAsync(IServiceProvider services)
                {
                    using var scope = services.CreateScope();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                    await users.CreateAsync(new IdentityUser("demo@example.com"), {|AG0501:"D3mo-Us3r!"|});
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LocalAssignedAgain_NoDiagnostic()
        // A local whose first value may be replaced (=, ??=, +=, a ref or out argument) is not judged by that value: ApiGuard does not
        // follow which value reaches the sink.
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            public static class Mailer
            {
                public static NetworkCredential Assigned(string? configured)
                {
                    var password = "Xk9#mQ2v";
                    password = configured ?? string.Empty;
                    return new NetworkCredential("mailer", password);
                }

                public static NetworkCredential CoalesceAssigned(string? configured)
                {
                    string? secret = "t0p-s3cr3t-v4lue";
                    secret ??= configured;
                    secret += configured;
                    return new NetworkCredential("mailer", secret);
                }

                public static NetworkCredential ByRef()
                {
                    var apiKey = "AKIA2OGYBAH6T4XQZK7M";
                    Load(ref apiKey);
                    return new NetworkCredential("storage", apiKey);
                }

                private static void Load(ref string value) => value = System.Environment.GetEnvironmentVariable("API_KEY") ?? value;
            }
            """);
}
