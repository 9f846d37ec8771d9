using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Tests.Rules.Secrets;

/// <summary>
/// Stand-ins, with the real namespaces, names and parameter names, for the packages the secrets rules know that are not in the
/// ASP.NET Core shared framework: EF Core providers, Microsoft.Data.SqlClient, OpenID Connect, JwtBearer and
/// Microsoft.IdentityModel.Tokens. (NetworkCredential, UserManager, SignInManager and OAuthOptions are in the framework.)
/// </summary>
internal static class SecretsStandIns
{
    public const string EntityFramework = """
        namespace Microsoft.EntityFrameworkCore
        {
            public class DbContextOptions { }

            public class DbContext
            {
                public DbContext(DbContextOptions options) { }
            }

            public class DbContextOptionsBuilder { }

            public class MySqlServerVersion
            {
                public MySqlServerVersion(System.Version version) { }
            }

            public static class SqlServerDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
            }

            public static class NpgsqlDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseNpgsql(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
            }

            public static class SqliteDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseSqlite(this DbContextOptionsBuilder optionsBuilder, string? connectionString) => optionsBuilder;
            }

            public static class MySqlDbContextOptionsBuilderExtensions
            {
                public static DbContextOptionsBuilder UseMySql(this DbContextOptionsBuilder optionsBuilder, string connectionString, MySqlServerVersion serverVersion) => optionsBuilder;
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class EntityFrameworkServiceCollectionExtensions
            {
                public static IServiceCollection AddDbContext<TContext>(this IServiceCollection services, System.Action<Microsoft.EntityFrameworkCore.DbContextOptionsBuilder>? optionsAction = null)
                    where TContext : Microsoft.EntityFrameworkCore.DbContext => services;
            }
        }

        public sealed class AppDbContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public AppDbContext(Microsoft.EntityFrameworkCore.DbContextOptions options) : base(options) { }
        }
        """;

    public const string SqlClient = """
        namespace Microsoft.Data.SqlClient
        {
            using System.Data;
            using System.Data.Common;
            using System.Diagnostics.CodeAnalysis;

            public sealed class SqlConnection : DbConnection
            {
                public SqlConnection() { }

                public SqlConnection(string connectionString) => ConnectionString = connectionString;

                [AllowNull]
                public override string ConnectionString { get; set; } = string.Empty;

                public override string Database => string.Empty;

                public override string DataSource => string.Empty;

                public override string ServerVersion => string.Empty;

                public override ConnectionState State => ConnectionState.Closed;

                public override void ChangeDatabase(string databaseName) { }

                public override void Close() { }

                public override void Open() { }

                protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new System.NotSupportedException();

                protected override DbCommand CreateDbCommand() => throw new System.NotSupportedException();
            }

            public sealed class SqlConnectionStringBuilder : DbConnectionStringBuilder
            {
                public SqlConnectionStringBuilder() { }

                public SqlConnectionStringBuilder(string connectionString) => ConnectionString = connectionString;

                public string DataSource { get => (string)this["Data Source"]; set => this["Data Source"] = value; }

                public string UserID { get => (string)this["User ID"]; set => this["User ID"] = value; }

                public string Password { get => (string)this["Password"]; set => this["Password"] = value; }
            }
        }
        """;

    public const string OpenIdConnect = """
        namespace Microsoft.AspNetCore.Authentication.OpenIdConnect
        {
            public class OpenIdConnectOptions : Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions
            {
                public string? Authority { get; set; }

                public string? ClientId { get; set; }

                public string? ClientSecret { get; set; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class OpenIdConnectExtensions
            {
                public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddOpenIdConnect(
                    this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder,
                    System.Action<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions> configureOptions) => builder;
            }
        }
        """;

    public const string Jwt = """
        namespace Microsoft.IdentityModel.Tokens
        {
            public abstract class SecurityKey { }

            public class SymmetricSecurityKey : SecurityKey
            {
                public SymmetricSecurityKey(byte[] key) { }
            }

            public class SigningCredentials
            {
                public SigningCredentials(SecurityKey key, string algorithm) { }
            }

            public static class SecurityAlgorithms
            {
                public const string HmacSha256 = "HS256";
            }

            public class TokenValidationParameters
            {
                public SecurityKey? IssuerSigningKey { get; set; }

                public bool ValidateIssuerSigningKey { get; set; }

                public string? ValidIssuer { get; set; }
            }
        }

        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
            {
                public Microsoft.IdentityModel.Tokens.TokenValidationParameters TokenValidationParameters { get; set; } = new();
            }

            public static class JwtBearerDefaults
            {
                public const string AuthenticationScheme = "Bearer";
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class JwtBearerExtensions
            {
                public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddJwtBearer(
                    this Microsoft.AspNetCore.Authentication.AuthenticationBuilder builder,
                    System.Action<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions> configureOptions) => builder;
            }
        }
        """;

    /// <summary>Adds stand-ins to the test state, and to the fixed states when the test has a fixed source.</summary>
    public static ApiGuardTest<TAnalyzer, TCodeFix> With<TAnalyzer, TCodeFix>(this ApiGuardTest<TAnalyzer, TCodeFix> test, params string[] standIns)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        for (var i = 0; i < standIns.Length; i++)
        {
            var path = "/0/StandIn" + i + ".cs";
            test.TestState.Sources.Add((path, standIns[i]));
            if (test.FixedState.Sources.Count > 0)
            {
                test.FixedState.Sources.Add((path, standIns[i]));
            }
        }

        return test;
    }
}
