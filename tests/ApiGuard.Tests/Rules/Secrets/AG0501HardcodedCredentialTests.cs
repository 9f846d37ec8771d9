using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    ApiGuard.CodeFixes.Rules.Secrets.HardcodedCredentialCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Secrets;

public partial class AG0501HardcodedCredentialTests
{
    [Fact]
    public Task NetworkCredential_LiteralPassword_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", {|#0:"Xk9#mQ2v"|});
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0501").WithLocation(0).WithArguments("The password passed to 'new NetworkCredential(...)'"));

    [Fact]
    public Task NetworkCredential_PasswordInObjectInitializer_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential { UserName = "mailer", Password = {|#0:"Xk9#mQ2v"|} };
            builder.Build().Run();
            """,
            VerifyCS.Diagnostic("AG0501").WithLocation(0).WithArguments("'NetworkCredential.Password'"));

    [Fact]
    public Task UserManagerCreateAsync_SeedingAdminWithLiteral_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var admin = new IdentityUser("admin@example.com");
                await users.CreateAsync(admin, {|#0:"Seed-4dm1n!"|});
            }

            app.Run();
            """,
            VerifyCS.Diagnostic("AG0501").WithLocation(0).WithArguments("The password passed to 'UserManager.CreateAsync'"));

    [Fact]
    public Task UserManagerPasswordMethods_InSeederClass_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            public sealed class AccountSeeder
            {
                private readonly UserManager<IdentityUser> _users;

                public AccountSeeder(UserManager<IdentityUser> users) => _users = users;

                public async Task SeedAsync(IdentityUser operatorUser, string resetToken)
                {
                    await _users.AddPasswordAsync(operatorUser, {|AG0501:"0p3rat0r#2024"|});
                    await _users.ResetPasswordAsync(operatorUser, resetToken, {|AG0501:"N3w-0p3rat0r#"|});
                    await _users.ChangePasswordAsync(operatorUser, {|AG0501:"0p3rat0r#2024"|}, {|AG0501:"N3w-0p3rat0r#"|});
                }
            }
            """);

    [Fact]
    public Task SignInManagerPasswordSignInAsync_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            public sealed class BackdoorLogin
            {
                public Task<SignInResult> SignInAsync(SignInManager<IdentityUser> signIn)
                    => signIn.PasswordSignInAsync("ops", {|AG0501:"0ps-Acc3ss!"|}, isPersistent: false, lockoutOnFailure: false);
            }
            """);

    [Fact]
    public Task OAuthClientSecret_Literal_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddOAuth("GitHub", options =>
            {
                options.ClientId = "Iv1.8a61f9b3a7aba766";
                options.ClientSecret = {|#0:"1f2e3d4c5b6a79880f1e2d3c4b5a69788f7e6d5c"|};
            });
            builder.Build().Run();
            """,
            VerifyCS.Diagnostic("AG0501").WithLocation(0).WithArguments("'OAuthOptions.ClientSecret'"));

    [Fact]
    public Task OpenIdConnectClientSecret_Literal_Reports()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddOpenIdConnect(options =>
            {
                options.Authority = "https://login.example.com";
                options.ClientId = "orders-api";
                options.ClientSecret = {|AG0501:"b7Jx~Qp9.Zr2"|};
            });
            builder.Build().Run();
            """).With(SecretsStandIns.OpenIdConnect);
        return test.RunAsync();
    }

    [Theory]
    [InlineData("UseSqlServer")]
    [InlineData("UseNpgsql")]
    [InlineData("UseSqlite")]
    public Task EntityFrameworkProvider_ConnectionStringWithPassword_Reports(string provider)
    {
        var test = VerifyCS.Create($$"""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options.{{provider}}({|AG0501:"Server=db.internal;Database=orders;User Id=orders_app;Password=Xk9#mQ2v;"|}));
            builder.Build().Run();
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task UseMySql_ConnectionStringWithPwd_Reports()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options.UseMySql(
                {|AG0501:"server=mysql;uid=orders;pwd=Xk9#mQ2v;database=orders"|},
                new MySqlServerVersion(new Version(8, 0, 36))));
            builder.Build().Run();
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task Startup_ConfigureServicesConnectionString_Reports()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer({|#0:"Data Source=sql01;Initial Catalog=Orders;User ID=orders;Password='Xk9;#mQ2v'"|}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                }
            }
            """).With(SecretsStandIns.EntityFramework);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0501").WithLocation(0).WithArguments("The connection string password passed to 'UseSqlServer'"));
        return test.RunAsync();
    }

    [Fact]
    public Task DbConnection_ConstructorPropertyAndBuilder_Report()
    {
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public sealed class ReportsRepository
            {
                public SqlConnection Open()
                {
                    var first = new SqlConnection({|AG0501:"Server=sql01;Database=reports;User ID=reports;Password=Xk9#mQ2v"|});
                    var second = new SqlConnection();
                    second.ConnectionString = {|AG0501:"Server=sql01;Database=reports;User ID=reports;PWD=\"Xk9#mQ2v\""|};
                    var fromBuilder = new SqlConnectionStringBuilder({|AG0501:"Server=sql01;Database=reports;UID=reports;Password=Xk9#mQ2v"|});
                    var parts = new SqlConnectionStringBuilder { DataSource = "sql01", UserID = "reports", Password = {|AG0501:"Xk9#mQ2v"|} };
                    return first;
                }
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task ConnectionStringInLocal_ReportedAtItsDeclaration()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            var cs = {|AG0501:"Host=pg;Database=orders;Username=orders;Password=Xk9#mQ2v"|};
            builder.Services.AddDbContext<AppDbContext>(options => options.UseNpgsql(cs));
            builder.Build().Run();
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task ConstantWithNeutralNameAtSink_ReportedAtUse()
    {
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public static class Database
            {
                private const string Reports = "Server=sql01;Database=reports;User ID=reports;Password=Xk9#mQ2v";

                public static SqlConnection Open() => new SqlConnection({|AG0501:Reports|});
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task NamedMembers_FieldPropertyLocalParameterDefault_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            public sealed class PaymentsClient
            {
                private const string ApiKey = {|#0:"sk_live_51H8xQ2eZvKYlo2C"|};
                private static readonly string webhook_secret = {|AG0501:"whsec_9a8b7c6d5e4f"|};

                public string SendGridApiKey { get; set; } = {|AG0501:"SG.x9Yk2Lm.Qp8Zr4Tn6Vb"|};

                public void Charge(string privateKey = {|AG0501:"MIIEvQIBADANBgkq"|})
                {
                    var db_password = {|AG0501:"Xk9#mQ2v"|};
                    string secret;
                    secret = {|AG0501:"t0p-s3cr3t-v4lue"|};
                }
            }
            """,
            VerifyCS.Diagnostic("AG0501").WithLocation(0).WithArguments("'ApiKey'"));

    [Fact]
    public Task NamedArgument_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class Storage
            {
                public static void Connect(string account, string accessKey) { }

                public static void Run() => Connect(account: "orders", accessKey: {|AG0501:"AKIA2OGYBAH6T4XQZK7M"|});
            }
            """);

    [Fact]
    public Task ConstantConcatenation_Reports()
    {
        var test = VerifyCS.Create("""
            using Microsoft.Data.SqlClient;

            public static class Database
            {
                public static SqlConnection Open() => new SqlConnection({|AG0501:"Server=sql01;Database=reports;" + "User ID=reports;Password=Xk9#mQ2v"|});
            }
            """).With(SecretsStandIns.SqlClient);
        return test.RunAsync();
    }

    [Fact]
    public Task LiteralFallbackOfConfigurationRead_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", builder.Configuration["Smtp:Password"] ?? {|AG0501:"Xk9#mQ2v"|});
            builder.Build().Run();
            """);

    [Fact]
    public Task OutsideDevelopmentBranch_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            if (!builder.Environment.IsDevelopment())
            {
                var credentials = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            }

            builder.Build().Run();
            """);

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            builder.Build().Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task LocalPassedByIn_StillReports()
        // An 'in' argument cannot change the local, so the local keeps its constant value.
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Net;

            public static class Mailer
            {
                public static NetworkCredential Create()
                {
                    var password = {|AG0501:"Xk9#mQ2v"|};
                    Log(in password);
                    return new NetworkCredential("mailer", password);
                }

                private static void Log(in string value) { }
            }
            """);
}
