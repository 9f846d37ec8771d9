using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AuthorizationPolicyAdmitsEveryoneAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AuthorizationPolicyAdmitsEveryoneCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0303AuthorizationPolicyAdmitsEveryoneTests
{
    [Fact]
    public Task Fix_AddPolicy_RequiresAuthenticatedUser()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Ops", p => p.AddAuthenticationSchemes("Bearer").{|AG0303:RequireAssertion|}(_ => true)));
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Ops", p => p.AddAuthenticationSchemes("Bearer").RequireAuthenticatedUser()));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task FixAll_FallbackAndDefault_KeepsTheChains()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options =>
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().{|AG0303:RequireAssertion|}(_ => true).Build();
                options.DefaultPolicy = new AuthorizationPolicyBuilder("Bearer").{|AG0303:RequireAssertion|}(context =>
                {
                    return true;
                }).Build();
            });
            var app = builder.Build();
            app.Run();
            """, """
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options =>
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
                options.DefaultPolicy = new AuthorizationPolicyBuilder("Bearer").RequireAuthenticatedUser().Build();
            });
            var app = builder.Build();
            app.Run();
            """);
}
