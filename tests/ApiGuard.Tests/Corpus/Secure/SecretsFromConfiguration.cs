// A secured API whose credentials all come from configuration (user secrets in development, the environment or a vault in
// production): an Identity seeding routine that reads the administrator's password from configuration, SMTP options bound from
// configuration, a JWT signing key from configuration, a connection string by name, and the look-alikes the credential rules
// must leave alone (password policy settings, validation messages, configuration keys, placeholders in templates).
using System.Data.Common;
using System.Net;
using System.Net.Mail;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddIdentityCore<IdentityUser>(options =>
{
    options.Password.RequiredLength = IdentityDefaults.PasswordRequiredLength;
    options.Password.RequireNonAlphanumeric = true;
    options.Lockout.MaxFailedAccessAttempts = 5;
});

builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.SectionName));
builder.Services.AddSingleton(services =>
{
    var smtp = services.GetRequiredService<IOptions<SmtpOptions>>().Value;
    return new SmtpClient(smtp.Host, smtp.Port)
    {
        EnableSsl = true,
        Credentials = new NetworkCredential(smtp.UserName, smtp.Password),
    };
});

var signingKey = builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Jwt:SigningKey is not configured.");
builder.Services.AddSingleton(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)));

builder.Services.AddSingleton(_ => new DbConnectionStringBuilder
{
    ConnectionString = builder.Configuration.GetConnectionString("Reports") ?? throw new InvalidOperationException("ConnectionStrings:Reports is not configured."),
});

builder.Services.AddAuthentication().AddCookie();
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
builder.Services.AddRateLimiter(options => options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
    RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
    {
        PermitLimit = 100,
        Window = TimeSpan.FromMinutes(1),
    })));
builder.Services.AddHealthChecks();

var app = builder.Build();

if (app.Environment.IsDevelopment())
{
    // Local demo accounts: Development only.
    await IdentitySeeder.SeedDemoUserAsync(app, "demo@example.com", "D3mo-Us3r!");
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.Use(async (context, next) =>
{
    context.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.XContentTypeOptions, "nosniff");
    context.Response.Headers.Append(Microsoft.Net.Http.Headers.HeaderNames.ContentSecurityPolicy, "default-src 'none'; frame-ancestors 'none'");
    await next(context);
});

app.UseHttpsRedirection();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapPost("/login", async (LoginRequest request, SignInManager<IdentityUser> signIn) =>
{
    if (string.IsNullOrWhiteSpace(request.Password))
    {
        return Results.ValidationProblem(new Dictionary<string, string[]> { ["Password"] = new[] { LoginMessages.PasswordRequired } });
    }

    var result = await signIn.PasswordSignInAsync(request.UserName, request.Password, isPersistent: false, lockoutOnFailure: true);
    return result.Succeeded ? Results.Ok() : Results.Unauthorized();
}).AllowAnonymous();

await IdentitySeeder.SeedAdministratorAsync(app.Services, app.Configuration);

app.Run();

public sealed record LoginRequest(string UserName, string Password);

public static class LoginMessages
{
    public const string PasswordRequired = "Please enter your password";
    public const string PasswordPrompt = "Password:";
}

public static class IdentityDefaults
{
    public const int PasswordRequiredLength = 12;
    public const string AdminPasswordKey = "Admin:Password";
    public const string AdminPassword = "Admin:Password";
    public const string AdminEmail = "Admin:Email";
}

public static class IdentitySeeder
{
    /// <summary>Creates the administrator once, with the password from configuration (user secrets or Admin__Password).</summary>
    public static async Task SeedAdministratorAsync(IServiceProvider services, IConfiguration configuration)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = configuration[IdentityDefaults.AdminEmail] ?? "admin@example.com";
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var password = configuration[IdentityDefaults.AdminPassword]
            ?? throw new InvalidOperationException(IdentityDefaults.AdminPassword + " is not configured.");
        var admin = new IdentityUser(email) { Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding the administrator failed: " + string.Join(", ", result.Errors.Select(e => e.Description)));
        }
    }

    public static async Task SeedDemoUserAsync(this WebApplication app, string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        await users.CreateAsync(new IdentityUser(email), password);
    }

    /// <summary>Membership-style profile questions are not secrets.</summary>
    public static void SetSecurityQuestion(IdentityUser user, string passwordQuestion, string passwordAnswer)
    {
    }

    public static void SeedQuestion(IdentityUser user) => SetSecurityQuestion(user, passwordQuestion: "favouriteColour", passwordAnswer: "teal");
}

public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 587;

    public string UserName { get; set; } = "";

    public string Password { get; set; } = "";
}

public static class ConnectionStringTemplates
{
    // Templates with placeholders, filled from configuration at run time.
    public const string SqlServer = "Server={0};Database={1};User ID={2};Password={3}";
    public const string ConnectionString = "Server=sql01;Database=reports;Integrated Security=true";
}

namespace Microsoft.IdentityModel.Tokens
{
    // Stands in for the Microsoft.IdentityModel.Tokens package, with its namespace and name.
    public abstract class SecurityKey
    {
    }

    public sealed class SymmetricSecurityKey(byte[] key) : SecurityKey
    {
        public byte[] Key { get; } = key;
    }
}
