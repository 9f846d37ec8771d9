using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Secrets.HardcodedCredentialAnalyzer,
    ApiGuard.CodeFixes.Rules.Secrets.HardcodedCredentialCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Secrets;

public partial class AG0501HardcodedCredentialTests
{
    [Fact]
    public Task Fix_TopLevelSeeding_ReadsBuilderConfigurationAndThrows()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
                var admin = new IdentityUser("admin@example.com");
                await users.CreateAsync(admin, {|AG0501:"Seed-4dm1n!"|});
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
    public Task Fix_NullableParameter_ReadsWithoutThrow()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var smtpCredentials = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            builder.Build().Run();
            """, """
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var smtpCredentials = new NetworkCredential("mailer", builder.Configuration["Smtp:Password"]);
            builder.Build().Run();
            """);

    [Fact]
    public Task Fix_StartupConnectionString_ReadsConfigurationProperty()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer({|AG0501:"Server=sql01;Database=orders;User ID=orders;Password=Xk9#mQ2v"|}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                }
            }
            """, """
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer(Configuration.GetConnectionString("Default")));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                }
            }
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_NoConfigurationInScope_ReadsEnvironment()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Identity;

            public sealed class AccountSeeder
            {
                private readonly UserManager<IdentityUser> _users;

                public AccountSeeder(UserManager<IdentityUser> users) => _users = users;

                public Task SeedAsync(IdentityUser operatorUser) => _users.AddPasswordAsync(operatorUser, {|AG0501:"0p3rat0r#2024"|});
            }
            """, """
            using Microsoft.AspNetCore.Identity;

            public sealed class AccountSeeder
            {
                private readonly UserManager<IdentityUser> _users;

                public AccountSeeder(UserManager<IdentityUser> users) => _users = users;

                public Task SeedAsync(IdentityUser operatorUser) => _users.AddPasswordAsync(operatorUser, Environment.GetEnvironmentVariable("Operator__Password") ?? throw new InvalidOperationException("Operator__Password is not configured."));
            }
            """);

    [Fact]
    public Task Fix_ConstFieldWithConfigurationMember_BecomesInstanceProperty()
        => VerifyCS.VerifyCodeFixAsync("""
            public sealed class PaymentsClient
            {
                private const string ApiKey = {|AG0501:"sk_live_51H8xQ2eZvKYlo2C"|};
                private readonly IConfiguration _configuration;

                public PaymentsClient(IConfiguration configuration) => _configuration = configuration;

                public string Header() => "Bearer " + ApiKey;
            }
            """, """
            public sealed class PaymentsClient
            {
                private string ApiKey => _configuration["Payments:ApiKey"] ?? throw new InvalidOperationException("Payments:ApiKey is not configured.");
                private readonly IConfiguration _configuration;

                public PaymentsClient(IConfiguration configuration) => _configuration = configuration;

                public string Header() => "Bearer " + ApiKey;
            }
            """);

    [Fact]
    public Task Fix_ConstFieldInStaticClass_BecomesStaticPropertyReadingEnvironment()
        => VerifyCS.VerifyCodeFixAsync("""
            public static class Payments
            {
                public const string ApiKey = {|AG0501:"sk_live_51H8xQ2eZvKYlo2C"|};

                public static string Header() => "Bearer " + ApiKey;
            }
            """, """
            public static class Payments
            {
                public static string ApiKey => Environment.GetEnvironmentVariable("Payments__ApiKey") ?? throw new InvalidOperationException("Payments__ApiKey is not configured.");

                public static string Header() => "Bearer " + ApiKey;
            }
            """);

    [Fact]
    public Task Fix_ConstFieldUsedInAttribute_NoFix()
    {
        var source = """
            public static class Payments
            {
                public const string ApiKey = {|AG0501:"sk_live_51H8xQ2eZvKYlo2C"|};

                [System.ComponentModel.Description(ApiKey)]
                public static void Charge() { }
            }
            """;
        var test = VerifyCS.Create(source, source);
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_ConstLocal_DropsConst()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            const string adminPassword = {|AG0501:"Seed-4dm1n!"|};
            var app = builder.Build();
            await app.Services.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(new IdentityUser("admin"), adminPassword);
            app.Run();
            """, """
            using Microsoft.AspNetCore.Identity;

            var builder = WebApplication.CreateBuilder(args);
            string adminPassword = builder.Configuration["Admin:Password"] ?? throw new InvalidOperationException("Admin:Password is not configured.");
            var app = builder.Build();
            await app.Services.GetRequiredService<UserManager<IdentityUser>>().CreateAsync(new IdentityUser("admin"), adminPassword);
            app.Run();
            """);

    [Fact]
    public Task Fix_LiteralFallback_Throws()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", builder.Configuration["Mail:SmtpPassword"] ?? {|AG0501:"Xk9#mQ2v"|});
            builder.Build().Run();
            """, """
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var credentials = new NetworkCredential("mailer", builder.Configuration["Mail:SmtpPassword"] ?? throw new InvalidOperationException("Mail:SmtpPassword is not configured."));
            builder.Build().Run();
            """);

    [Fact]
    public Task Fix_OptionsPropertyDefault_ReadsEnvironmentWithoutThrowing()
        => VerifyCS.VerifyCodeFixAsync("""
            public sealed class SmtpOptions
            {
                public string Host { get; set; } = "smtp.example.com";

                public string Password { get; set; } = {|AG0501:"Xk9#mQ2v"|};
            }
            """, """
            public sealed class SmtpOptions
            {
                public string Host { get; set; } = "smtp.example.com";

                public string Password { get; set; } = Environment.GetEnvironmentVariable("Smtp__Password") ?? string.Empty;
            }
            """);

    [Fact]
    public Task Fix_ConnectionStringLocal_ReadsGetConnectionString()
    {
        var test = VerifyCS.Create("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            var cs = {|AG0501:"Host=pg;Database=orders;Username=orders;Password=Xk9#mQ2v"|};
            builder.Services.AddDbContext<AppDbContext>(options => options.UseNpgsql(cs));
            builder.Build().Run();
            """, """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            var cs = builder.Configuration.GetConnectionString("Default") ?? throw new InvalidOperationException("ConnectionStrings:Default is not configured.");
            builder.Services.AddDbContext<AppDbContext>(options => options.UseNpgsql(cs));
            builder.Build().Run();
            """).With(SecretsStandIns.EntityFramework);
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_SeveralCredentials_AllRead()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var smtpCredentials = new NetworkCredential("mailer", {|AG0501:"Xk9#mQ2v"|});
            var ftpCredentials = new NetworkCredential("uploader", {|AG0501:"Ft9!pQ2w"|});
            builder.Services.AddAuthentication().AddOAuth("GitHub", options => options.ClientSecret = {|AG0501:"1f2e3d4c5b6a79880f1e"|});
            builder.Build().Run();
            """, """
            using System.Net;

            var builder = WebApplication.CreateBuilder(args);
            var smtpCredentials = new NetworkCredential("mailer", builder.Configuration["Smtp:Password"]);
            var ftpCredentials = new NetworkCredential("uploader", builder.Configuration["Ftp:Password"]);
            builder.Services.AddAuthentication().AddOAuth("GitHub", options => options.ClientSecret = builder.Configuration["Authentication:OAuth:ClientSecret"] ?? throw new InvalidOperationException("Authentication:OAuth:ClientSecret is not configured."));
            builder.Build().Run();
            """);

    [Fact]
    public Task Fix_ParameterDefault_NoFix()
    {
        var source = """
            public static class Mailer
            {
                public static void Send(string smtpPassword = {|AG0501:"Xk9#mQ2v"|}) { }
            }
            """;
        return VerifyCS.Create(source, source).RunAsync();
    }
}
