using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AuthorizationPolicyAdmitsEveryoneAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AuthorizationPolicyAdmitsEveryoneCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0303AuthorizationPolicyAdmitsEveryoneTests
{
    [Fact]
    public Task AssertionReturningTrue_AddPolicy_ReportsOnRequireAssertion()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options =>
                options.AddPolicy("Admins", policy => policy.{|#0:RequireAssertion|}(_ => true)));
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0303").WithLocation(0).WithArguments("RequireAssertion"));

    [Fact]
    public Task AssertionWithBlockBody_AddPolicy_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options =>
            {
                options.AddPolicy("Admins", policy =>
                {
                    policy.AddAuthenticationSchemes("Bearer");
                    policy.{|AG0303:RequireAssertion|}(context =>
                    {
                        Console.WriteLine(context.User.Identity?.Name);
                        return true;
                    });
                });
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task AsyncAssertion_AuthorizationBuilder_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorizationBuilder()
                .AddPolicy("Admins", policy => policy.{|AG0303:RequireAssertion|}(_ => Task.FromResult(true)));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task FallbackPolicyBuiltWithTrueAssertion_TopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(options =>
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().{|AG0303:RequireAssertion|}(_ => true).Build();
                options.DefaultPolicy = new AuthorizationPolicyBuilder("Bearer").{|AG0303:RequireAssertion|}(_ => 1 == 1).Build();
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task ConstantTrue_Startup_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                private const bool Open = true;

                public void ConfigureServices(IServiceCollection services)
                    => services.AddAuthorization(o => o.AddPolicy("Ops", p => p.{|AG0303:RequireAssertion|}(_ => Open)));

                public void Configure(IApplicationBuilder app)
                {
                }
            }
            """);

    [Fact]
    public Task TrueOutsideDevelopment_EnvironmentValue_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var open = !builder.Environment.IsDevelopment();
            builder.Services.AddAuthorization(o => o.AddPolicy("Ops", p => p.{|AG0303:RequireAssertion|}(_ => open)));
            var app = builder.Build();
            app.Run();
            """);
}
