using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.IdentityPolicyWeakenedAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.IdentityPolicyWeakenedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0305IdentityPolicyWeakenedTests
{
    private const string Usings = """
        using Microsoft.AspNetCore.Identity;

        """;

    [Fact]
    public Task ShortRequiredLength_AddIdentity_ReportsOnValue()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.Password.RequiredLength = {|#0:6|};
            });
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0305").WithLocation(0).WithArguments("Password.RequiredLength is 6, below the minimum of 8"));

    [Fact]
    public Task LockoutDisabledForNewUsers_Configure_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(options =>
            {
                options.Lockout.AllowedForNewUsers = {|#0:false|};
                options.Lockout.MaxFailedAccessAttempts = {|#1:50|};
            });
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0305").WithLocation(0).WithArguments("Lockout.AllowedForNewUsers is false: new accounts are never locked out, whatever the failed sign-ins"),
            VerifyCS.Diagnostic("AG0305").WithLocation(1).WithArguments("Lockout.MaxFailedAccessAttempts is 50, above the maximum of 10"));

    [Fact]
    public Task ObjectInitializerAndConstant_Startup_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class Startup
            {
                private const int MinLength = 4;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddIdentityCore<IdentityUser>(o => o.Password = new PasswordOptions { RequiredLength = {|AG0305:MinLength|} });
                }

                public void Configure(IApplicationBuilder app)
                {
                }
            }
            """);

    [Fact]
    public Task PasswordSignInWithoutLockout_Controller_ReportsOnArgument()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            public class AccountService
            {
                private readonly SignInManager<IdentityUser> _signIn;

                public AccountService(SignInManager<IdentityUser> signIn) => _signIn = signIn;

                public async Task<bool> LoginAsync(string user, string password)
                {
                    var result = await _signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: {|#0:false|});
                    return result.Succeeded;
                }

                public Task<SignInResult> CheckAsync(IdentityUser user, string password) => _signIn.CheckPasswordSignInAsync(user, password, {|#1:false|});
            }
            """,
            VerifyCS.Diagnostic("AG0305").WithLocation(0).WithArguments("PasswordSignInAsync(lockoutOnFailure: false) never locks the account out, however many passwords are tried"),
            VerifyCS.Diagnostic("AG0305").WithLocation(1).WithArguments("CheckPasswordSignInAsync(lockoutOnFailure: false) never locks the account out, however many passwords are tried"));

    [Fact]
    public Task SubclassedSignInManager_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.Extensions.Options;

            public class AppSignInManager : SignInManager<IdentityUser>
            {
                public AppSignInManager(UserManager<IdentityUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<IdentityUser> factory,
                    IOptions<IdentityOptions> options, ILogger<SignInManager<IdentityUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<IdentityUser> confirmation)
                    : base(users, accessor, factory, options, logger, schemes, confirmation)
                {
                }

                public override Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
                    => base.PasswordSignInAsync(userName, password, isPersistent, lockoutOnFailure);
            }

            public class Login
            {
                public Task<SignInResult> RunAsync(AppSignInManager signIn) => signIn.PasswordSignInAsync("a", "b", false, {|AG0305:false|});
            }
            """);

    [Fact]
    public Task LockoutOffOutsideDevelopment_EnvironmentValue_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            var lockout = builder.Environment.IsDevelopment();
            builder.Services.Configure<IdentityOptions>(o => o.Lockout.AllowedForNewUsers = {|AG0305:lockout|});
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task HigherMinimum_Option_Reports()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o => o.Password.RequiredLength = {|#0:10|});
            var app = builder.Build();
            app.Run();
            """,
            "apiguard.authorization.min_password_length = 12",
            VerifyCS.Diagnostic("AG0305").WithLocation(0).WithArguments("Password.RequiredLength is 10, below the minimum of 12"));

    [Fact]
    public Task LowerMaximum_Option_Reports()
        => VerifyCS.VerifyAnalyzerWithOptionsAsync(Usings + """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<IdentityOptions>(o => o.Lockout.MaxFailedAccessAttempts = {|#0:6|});
            var app = builder.Build();
            app.Run();
            """,
            "apiguard.authorization.max_failed_access_attempts = 5",
            VerifyCS.Diagnostic("AG0305").WithLocation(0).WithArguments("Lockout.MaxFailedAccessAttempts is 6, above the maximum of 5"));
}
