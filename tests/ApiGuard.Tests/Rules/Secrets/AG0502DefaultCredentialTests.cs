using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    ApiGuard.CodeFixes.Rules.Secrets.HardcodedCredentialCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Secrets;

public class AG0502DefaultCredentialTests
{
    [Fact]
    public Task SeedingAdminWithAdmin123_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var admin = new IdentityUser("admin@example.com");
                await users.CreateAsync(admin, {|#0:"admin123"|});
            }

            app.Run();
            """,
            VerifyCS.Diagnostic("AG0502").WithLocation(0).WithArguments("The password passed to 'UserManager.CreateAsync'"));

    [Theory]
    [InlineData("admin")]
    [InlineData("Admin123")]
    [InlineData("password")]
    [InlineData("P@ssw0rd")]
    [InlineData("changeme")]
    [InlineData("123456")]
    [InlineData("root")]
    [InlineData("guest")]
    public Task WellKnownPassword_ReportsDefaultNotHardcoded(string password)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", {|AG0502:"{{password}}"|});
            builder.Build().Run();
            """);

    [Fact]
    public Task UserNameEqualToPassword_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;
            using Microsoft.AspNetCore.Identity;

            public sealed class Integrations
            {
                public NetworkCredential Ftp() => new NetworkCredential("uploader", {|AG0502:"uploader"|});

                public NetworkCredential Smtp() => new NetworkCredential { UserName = "mailer", Password = {|AG0502:"Mailer"|} };

                public Task<SignInResult> Kiosk(SignInManager<IdentityUser> signIn) => signIn.PasswordSignInAsync("kiosk", {|AG0502:"kiosk"|}, false, false);
            }
            """);

    [Fact]
    public Task StartupConnectionString_SaWithEmptyPassword_Reports()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer({|#0:"Server=sql01;Database=orders;User Id=sa;Password=;"|}));
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """).With(SecretsStandIns.EntityFramework);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0502").WithLocation(0).WithArguments("The connection string password passed to 'UseSqlServer'"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConnectionStringWithDefaultPassword_Reports()
    {
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public static class Database
            {
                public static SqlConnection Open() => new SqlConnection({|AG0502:"Server=sql01;Database=reports;User ID=reports;Password=P@ssw0rd"|});

                public static SqlConnection OpenAsSa() => new SqlConnection({|AG0502:"Server=sql01;Database=reports;User ID=sa;Password=sa"|});
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task NamedConstantWithDefault_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class Seed
            {
                public const string AdminPassword = {|AG0502:"admin123"|};
                public const string ClientSecret = {|AG0502:"secret"|};
            }
            """);

    [Fact]
    public Task DefaultAndHardcodedInOneFile_EachValueGetsOneRule()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var weak = new NetworkCredential("mailer", {|AG0502:"changeme"|});
            var strong = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            builder.Build().Run();
            """);

    [Fact]
    public Task AdditionalDefaultPasswordsOption_Reports()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", {|AG0502:"Winter2024!"|});
            var other = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            builder.Build().Run();
            """,
            "apiguard.secrets.additional_default_passwords = Acme-Default, winter2024!");

    [Fact]
    public Task AdditionalDefaultPasswordsOption_Empty_FallsBackToBuiltInList()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", {|AG0501:"Winter2024!"|});
            var other = new NetworkCredential("mailer", {|AG0502:"admin"|});
            builder.Build().Run();
            """,
            "apiguard.secrets.additional_default_passwords = ,");

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("admin", {|AG0502:"admin"|});
            builder.Build().Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task DefaultPasswordInsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                using var scope = app.Services.CreateScope();
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                await users.CreateAsync(new IdentityUser("admin@example.com"), "admin123");
            }

            app.Run();
            """);

    [Fact]
    public Task DefaultWordsThatAreNotCredentials_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class Roles
            {
                public const string Admin = "admin";
                public const string DefaultUser = "guest";
                public const string Password = "password";
                public const string AdminPasswordKey = "admin";
            }
            """);

    [Fact]
    public Task EmptyPasswordForOtherUser_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public static class Database
            {
                public static SqlConnection Open() => new SqlConnection("Server=sql01;Database=reports;User ID=reports;Password=");
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task UserNameOnTheUserObject_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            public static class Seeder
            {
                // The user name sits on the IdentityUser, not beside the password: only the hard-coded password is reported.
                public static Task SeedAsync(UserManager<IdentityUser> users)
                    => users.CreateAsync(new IdentityUser("Operator42"), {|AG0501:"Operator42"|});
            }
            """);

    [Fact]
    public Task Fix_DefaultSeedPassword_ReadsConfiguration()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var admin = new IdentityUser("admin@example.com");
                await users.CreateAsync(admin, {|AG0502:"admin123"|});
            }

            app.Run();
            """, """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var admin = new IdentityUser("admin@example.com");
                await users.CreateAsync(admin, builder.Configuration["Admin:Password"] ?? throw new InvalidOperationException("Admin:Password is not configured."));
            }

            app.Run();
            """);

    [Fact]
    public Task Fix_StartupSaConnectionString_ReadsGetConnectionString()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                private readonly IConfiguration _configuration;

                public Startup(IConfiguration configuration) => _configuration = configuration;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer({|AG0502:"Server=sql01;Database=orders;User Id=sa;Password=;"|}));
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """, """
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                private readonly IConfiguration _configuration;

                public Startup(IConfiguration configuration) => _configuration = configuration;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer(_configuration.GetConnectionString("Default")));
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_DefaultCredentials_AllRead()
        => VerifyCS.VerifyCodeFixAsync("""
            public sealed class Seed
            {
                private readonly IConfiguration _configuration;

                public Seed(IConfiguration configuration) => _configuration = configuration;

                public (string, string) Credentials()
                {
                    var adminPassword = {|AG0502:"admin123"|};
                    var guestPassword = {|AG0502:"guest"|};
                    return (adminPassword, guestPassword);
                }
            }
            """, """
            public sealed class Seed
            {
                private readonly IConfiguration _configuration;

                public Seed(IConfiguration configuration) => _configuration = configuration;

                public (string, string) Credentials()
                {
                    var adminPassword = _configuration["Admin:Password"] ?? throw new InvalidOperationException("Admin:Password is not configured.");
                    var guestPassword = _configuration["Guest:Password"] ?? throw new InvalidOperationException("Guest:Password is not configured.");
                    return (adminPassword, guestPassword);
                }
            }
            """);
}
