using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.IdentityPolicyWeakenedAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.IdentityPolicyWeakenedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0305IdentityPolicyWeakenedTests
{
    [Fact]
    public Task SafeValues_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task BoundaryValues_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 10;
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SignInWithLockout_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Login
            {
                public Task<SignInResult> RunAsync(SignInManager<IdentityUser> signIn, bool remember)
                    => signIn.PasswordSignInAsync("a", "b", remember, lockoutOnFailure: true);
            }
            """);

    [Fact]
    public Task InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.Configure<IdentityOptions>(o =>
                {
                    o.Password.RequiredLength = 1;
                    o.Lockout.AllowedForNewUsers = false;
                });
            }

            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task WeakOnlyInDevelopment_EnvironmentValue_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var dev = builder.Environment.IsDevelopment();
            builder.Services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequiredLength = dev ? 1 : 12;
                o.Lockout.AllowedForNewUsers = !dev;
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task ValueFromConfiguration_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o => o.Password.RequiredLength = builder.Configuration.GetValue<int>("Identity:MinLength"));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task LookAlikeTypes_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var rules = new PasswordOptions { RequiredLength = 4 };
            new SignInManager().PasswordSignInAsync("a", "b", false, lockoutOnFailure: false);
            var app = builder.Build();
            app.Run();

            class PasswordOptions
            {
                public int RequiredLength { get; set; }
            }

            class SignInManager
            {
                public Task PasswordSignInAsync(string user, string password, bool persistent, bool lockoutOnFailure) => Task.CompletedTask;
            }
            """);

    [Fact]
    public Task LockoutOnFailureFromParameter_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Login
            {
                public Task<SignInResult> RunAsync(SignInManager<IdentityUser> signIn, bool lockout)
                    => signIn.PasswordSignInAsync("a", "b", false, lockout);

                public Task<SignInResult> CallerAsync(SignInManager<IdentityUser> signIn) => RunAsync(signIn, false);
            }
            """);
}
