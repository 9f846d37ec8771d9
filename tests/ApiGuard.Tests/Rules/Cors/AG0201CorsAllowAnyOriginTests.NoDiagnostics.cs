using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Cors.CorsAllowAnyOriginAnalyzer,
    ApiGuard.CodeFixes.Rules.Cors.CorsAllowAnyOriginCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Cors;

public partial class AG0201CorsAllowAnyOriginTests
{
    [Fact]
    public Task WithOrigins_ExplicitOrigin_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Program("""WithOrigins("https://a.example")"""));

    [Fact]
    public Task WithOrigins_WildcardBesideExplicitOrigin_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Program("""WithOrigins("https://a.example", "*")"""));

    [Fact]
    public Task WithOrigins_WildcardThenAnotherWithOrigins_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Program("""WithOrigins("*").WithOrigins("https://a.example")"""));

    [Fact]
    public Task WithOrigins_WildcardSubdomainPattern_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Program("""WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains()"""));

    [Fact]
    public Task SetIsOriginAllowed_AllowListPredicate_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var allowed = new HashSet<string> { "https://a.example" };
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.SetIsOriginAllowed(o => allowed.Contains(o)).AllowCredentials()));
            builder.Build().Run();
            """);

    [Fact]
    public Task SetIsOriginAllowed_MethodGroupWithLogic_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.SetIsOriginAllowed(OriginRules.IsTrusted)));
            builder.Build().Run();

            static class OriginRules
            {
                public static bool IsTrusted(string origin) => origin.EndsWith(".example.com", StringComparison.Ordinal);
            }
            """);

    [Fact]
    public Task PolicyFromConfiguration_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>();
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins(origins).AllowCredentials()));
            builder.Build().Run();
            """);

    [Fact]
    public Task WithOrigins_NonConstantSingleValue_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var origin = builder.Configuration["Cors:Origin"]!;
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins(origin)));
            builder.Build().Run();
            """);

    [Fact]
    public Task CorsPolicyOriginsAdd_WildcardBesideExplicitOrigin_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Mixed()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.Add("https://a.example");
                    policy.Origins.Add("*");
                    return policy;
                }
            }
            """);

    [Fact]
    public Task LookAlikeUserType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public sealed class CorsPolicyBuilder
            {
                public CorsPolicyBuilder AllowAnyOrigin() => this;
                public CorsPolicyBuilder WithOrigins(params string[] origins) => this;
                public CorsPolicyBuilder SetIsOriginAllowed(Func<string, bool> predicate) => this;
            }

            public static class Use
            {
                public static void Run() => new CorsPolicyBuilder().AllowAnyOrigin().WithOrigins("*").SetIsOriginAllowed(_ => true);
            }
            """);

    [Fact]
    public Task LookAlikeExtensionMethod_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.AllowAnyOriginFromList("https://a.example")));
            builder.Build().Run();

            static class MyCorsExtensions
            {
                public static CorsPolicyBuilder AllowAnyOriginFromList(this CorsPolicyBuilder builder, params string[] origins) => builder.WithOrigins(origins);
            }
            """);

    [Fact]
    public Task NotAnAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            public sealed class Policy
            {
                public Policy AllowAnyOrigin() => this;
            }

            public static class Use
            {
                public static Policy Run() => new Policy().AllowAnyOrigin();
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task AllowAnyOrigin_InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddCors(o => o.AddPolicy("Dev", p => p.AllowAnyOrigin()));
            }
            builder.Build().Run();
            """);

    [Fact]
    public Task AllowAnyOrigin_InDevelopmentTernary_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p =>
                _ = builder.Environment.IsDevelopment() ? p.AllowAnyOrigin() : p.WithOrigins("https://a.example")));
            builder.Build().Run();
            """);

    [Fact]
    public Task AllowAnyOrigin_AfterEarlyReturnOutsideDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public static class DevCors
            {
                public static void Add(IServiceCollection services, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        return;
                    }

                    services.AddCors(o => o.AddPolicy("Dev", p => p.AllowAnyOrigin()));
                }
            }
            """);

    [Fact]
    public Task AllowAnyOrigin_InConfigureDevelopmentServices_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) { }

                public void ConfigureDevelopmentServices(IServiceCollection services)
                    => services.AddCors(o => o.AddPolicy("Dev", p => p.AllowAnyOrigin()));

                public void Configure(IApplicationBuilder app) { }
            }
            """);

    [Fact]
    public Task AllowAnyOrigin_UnderUnknownEnvironmentGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (EnvironmentRules.IsLocal(builder.Environment))
            {
                builder.Services.AddCors(o => o.AddPolicy("Dev", p => p.AllowAnyOrigin()));
            }
            builder.Build().Run();

            static class EnvironmentRules
            {
                public static bool IsLocal(IHostEnvironment env) => env.EnvironmentName == "Local";
            }
            """);

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create(Program("AllowAnyOrigin()"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_WithAnalyzeTestProjects_Reports()
    {
        var test = VerifyCS.Create(Program("{|AG0201:AllowAnyOrigin()|}"));
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task SetIsOriginAllowed_PredicateThroughDelegateLocal_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            Func<string, bool> anyOrigin = _ => true;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.SetIsOriginAllowed(anyOrigin)));
            builder.Build().Run();
            """);

    [Fact]
    public Task WithOrigins_WildcardFromStaticArray_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins(Origins.All)));
            builder.Build().Run();

            static class Origins
            {
                public static readonly string[] All = { "*" };
            }
            """);

    [Fact]
    public Task PolicyBuiltInHelper_KnownFalseNegativeForCredentials()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => Helpers.WithCredentials(p.{|#0:SetIsOriginAllowed(_ => true)|})));
            builder.Build().Run();

            static class Helpers
            {
                public static CorsPolicyBuilder WithCredentials(CorsPolicyBuilder builder) => builder.AllowCredentials();
            }
            """,
            // The credentials are added in a helper the policy model does not follow: AG0201, not AG0202.
            VerifyCS.Diagnostic("AG0201").WithLocation(0).WithArguments("SetIsOriginAllowed(_ => true)", string.Empty));
}
