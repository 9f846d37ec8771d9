using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.IdentityPolicyWeakenedAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.IdentityPolicyWeakenedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0305IdentityPolicyWeakenedTests
{
    [Fact]
    public Task FixAll_Options_WritesSafeValues()
        => VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequiredLength = {|AG0305:4|};
                o.Lockout.AllowedForNewUsers = {|AG0305:false|};
                o.Lockout.MaxFailedAccessAttempts = {|AG0305:1000|};
            });
            var app = builder.Build();
            app.Run();
            """, Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 10;
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_SignIn_LocksOutOnFailure()
        => VerifyCS.VerifyCodeFixAsync(Usings + """
            public class Login
            {
                public Task<SignInResult> RunAsync(SignInManager<IdentityUser> signIn)
                    => signIn.PasswordSignInAsync("a", "b", isPersistent: false, lockoutOnFailure: {|AG0305:false|});
            }
            """, Usings + """
            public class Login
            {
                public Task<SignInResult> RunAsync(SignInManager<IdentityUser> signIn)
                    => signIn.PasswordSignInAsync("a", "b", isPersistent: false, lockoutOnFailure: true);
            }
            """);

    [Fact]
    public Task Fix_Option_WritesConfiguredMinimum()
        => VerifyCS.VerifyCodeFixAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o => o.Password.RequiredLength = {|AG0305:8|});
            var app = builder.Build();
            app.Run();
            """, Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o => o.Password.RequiredLength = 12);
            var app = builder.Build();
            app.Run();
            """, editorConfig: "apiguard.authorization.min_password_length = 12");
}
