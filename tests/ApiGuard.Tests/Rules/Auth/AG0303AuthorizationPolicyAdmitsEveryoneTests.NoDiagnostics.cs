using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AuthorizationPolicyAdmitsEveryoneAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AuthorizationPolicyAdmitsEveryoneCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0303AuthorizationPolicyAdmitsEveryoneTests
{
    [Fact]
    public Task AssertionCheckingTheUser_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Admins", p => p.RequireAssertion(c => c.User.IsInRole("admin"))));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task TrueAssertionWithOtherRequirement_SameChain_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Users", p => p.RequireAuthenticatedUser().RequireAssertion(_ => true)));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task TrueAssertionWithOtherRequirement_SeparateStatement_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Users", p =>
            {
                p.RequireAssertion(_ => true);
                p.RequireRole("admin");
            }));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task BuilderPassedToHelper_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Users", p =>
            {
                p.RequireAssertion(_ => true);
                Policies.AddRequirements(p);
            }));
            var app = builder.Build();
            app.Run();

            static class Policies
            {
                public static void AddRequirements(AuthorizationPolicyBuilder policy) => policy.RequireClaim("scope", "orders");
            }
            """);

    [Fact]
    public Task RequirementsAddedThroughProperty_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Users", p =>
            {
                p.RequireAssertion(_ => true);
                p.Requirements.Add(new DenyAnonymousAuthorizationRequirement());
            }));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task CombinedWithExistingPolicy_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            var basePolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            builder.Services.AddAuthorization(o => o.DefaultPolicy = new AuthorizationPolicyBuilder(basePolicy).RequireAssertion(_ => true).Build());
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task AssertionWithFalsePath_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Ops", p => p.RequireAssertion(c =>
            {
                if (c.User.Identity?.IsAuthenticated != true)
                {
                    return false;
                }

                return true;
            })));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddAuthorization(o => o.AddPolicy("Admins", p => p.RequireAssertion(_ => true)));
            }

            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task TrueOnlyInDevelopment_EnvironmentValue_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var open = builder.Environment.IsDevelopment();
            builder.Services.AddAuthorization(o => o.AddPolicy("Ops", p => p.RequireAssertion(_ => open)));
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task LookAlikeRequireAssertionOnUserType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            new Rules().RequireAssertion(_ => true);
            var app = builder.Build();
            app.Run();

            class Rules
            {
                public Rules RequireAssertion(Func<object, bool> check) => this;
            }
            """);

    [Fact]
    public Task MethodGroupAssertion_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Ops", p => p.RequireAssertion(Always.Allow)));
            var app = builder.Build();
            app.Run();

            static class Always
            {
                public static bool Allow(AuthorizationHandlerContext context) => true;
            }
            """);

    [Fact]
    public Task BuilderInLocal_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Authorization;

            var builder = WebApplication.CreateBuilder(args);
            var policy = new AuthorizationPolicyBuilder();
            policy.RequireAssertion(_ => true);
            builder.Services.AddAuthorization(o => o.FallbackPolicy = policy.Build());
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task EmptyPolicy_ThrowsAtStartup_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization(o => o.AddPolicy("Nothing", p => { }));
            var app = builder.Build();
            app.Run();
            """);
}
