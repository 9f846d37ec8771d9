// expect: AG0501 AG0502 AG0501 AG0501 AG0503 AG0502 AG0501 AG0503
// The secrets of a small API, written into the code: a reports database, an SMTP account, GitHub sign-in, a JWT key and an
// administrator seeded with a default password. Look-alikes that are not secrets sit beside them and stay silent.
using System.Data.Common;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;

public static class Infrastructure
{
    private const string ReportsDatabase = "Server=sql01;Database=reports;User ID=reports;Password='Xk9;#mQ2v'";
    private const string LegacyDatabase = "Server=sql01;Database=legacy;User Id=sa;Password=;";

    public static DbConnectionStringBuilder Reports() => new() { ConnectionString = ReportsDatabase };

    public static DbConnectionStringBuilder Legacy() => new() { ConnectionString = LegacyDatabase };

    public static NetworkCredential Smtp(IConfiguration configuration)
        => new("orders@example.com", configuration["Smtp:Password"] ?? "Xk9#mQ2v-smtp");

    public static AuthenticationBuilder AddGitHubSignIn(this AuthenticationBuilder authentication)
        => authentication.AddOAuth("GitHub", options =>
        {
            options.ClientId = "Iv1.8a61f9b3a7aba766";
            options.ClientSecret = "1f2e3d4c5b6a79880f1e2d3c4b5a69788f7e6d5c";
            options.AuthorizationEndpoint = "https://github.com/login/oauth/authorize";
            options.TokenEndpoint = "https://github.com/login/oauth/access_token";
            options.CallbackPath = "/signin-github";
        });

    public static SymmetricSecurityKey SigningKey() => new(Encoding.UTF8.GetBytes("ThisIsMySuperSecretSigningKey-2024!"));
}

public static class AdminSeeder
{
    public const string PasswordPrompt = "Please enter your password";
    public const string AdminPasswordKey = "Admin:Password";

    public static async Task SeedAsync(UserManager<IdentityUser> users)
    {
        var admin = new IdentityUser("admin@example.com");
        await users.CreateAsync(admin, "admin123");
    }

    public static async Task ResetOperatorAsync(UserManager<IdentityUser> users, IdentityUser operatorUser, string token)
        => await users.ResetPasswordAsync(operatorUser, token, "0p3rat0r#2024");

    public static SymmetricSecurityKey LegacyKey() => new(new byte[] { 0x1F, 0x2A, 0x3B, 0x4C, 0x5D, 0x6E, 0x7F, 0x80 });
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
