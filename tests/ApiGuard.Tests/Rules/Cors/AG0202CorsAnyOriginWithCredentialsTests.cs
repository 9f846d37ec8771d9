using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Cors.CorsAllowAnyOriginAnalyzer,
    ApiGuard.CodeFixes.Rules.Cors.CorsAllowAnyOriginCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Cors;

public class AG0202CorsAnyOriginWithCredentialsTests
{
    private static string Program(string policy) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.{{policy}}));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """;

    [Fact]
    public Task AcceptAllPredicate_WithCredentials_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("{|#0:SetIsOriginAllowed(_ => true)|}.AllowCredentials()"),
            VerifyCS.Diagnostic("AG0202").WithLocation(0).WithArguments("SetIsOriginAllowed(_ => true)"));

    [Fact]
    public Task AcceptAllPredicate_CredentialsBeforePredicate_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("AllowCredentials().AllowAnyHeader().{|AG0202:SetIsOriginAllowed(origin => true)|}"));

    [Fact]
    public Task AcceptAllPredicate_CredentialsInSeparateStatement_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p =>
            {
                p.{|AG0202:SetIsOriginAllowed(_ => true)|};
                p.AllowAnyMethod();
                p.AllowCredentials();
            }));
            builder.Build().Run();
            """);

    [Fact]
    public Task AcceptAllMethodGroup_WithCredentials_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(b => b.{|AG0202:SetIsOriginAllowed(IsAllowed)|}.AllowCredentials());
            app.Run();

            static bool IsAllowed(string origin) => true;
            """);

    [Fact]
    public Task AcceptAllPredicate_OnNewBuilderWithCredentials_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Build()
                {
                    var builder = new CorsPolicyBuilder();
                    builder.{|AG0202:SetIsOriginAllowed(_ => true)|};
                    builder.AllowCredentials();
                    return builder.Build();
                }
            }
            """);

    [Fact]
    public Task AcceptAllPredicate_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("{|AG0202:SetIsOriginAllowed(_ => true)|}.AllowCredentials()"), AspNetCoreVersion.Net100);

    [Fact]
    public Task AcceptAllPredicate_CredentialsDisallowedAfterwards_ReportsOnlyAG0201()
        => VerifyCS.VerifyAnalyzerAsync(Program("{|AG0201:SetIsOriginAllowed(_ => true)|}.AllowCredentials().DisallowCredentials()"));

    [Fact]
    public Task AcceptAllPredicate_CredentialsOnOtherPolicy_ReportsOnlyAG0201()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("Public", p => p.{|AG0201:SetIsOriginAllowed(_ => true)|});
                o.AddPolicy("Partner", p => p.WithOrigins("https://partner.example").AllowCredentials());
            });
            builder.Build().Run();
            """);

    [Fact]
    public Task AllowListPredicate_WithCredentials_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var trusted = new[] { "https://a.example" };
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.SetIsOriginAllowed(origin => trusted.Contains(origin)).AllowCredentials()));
            builder.Build().Run();
            """);

    [Fact]
    public Task ExplicitOrigins_WithCredentials_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync(Program("""WithOrigins("https://a.example").AllowCredentials()"""));

    [Fact]
    public Task AcceptAllPredicate_WithCredentialsInDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var isDevelopment = builder.Environment.IsDevelopment();
            if (isDevelopment)
            {
                builder.Services.AddCors(o => o.AddPolicy("Dev", p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));
            }
            builder.Build().Run();
            """);

    [Fact]
    public Task Fix_WithConfiguredOrigins_KeepsCredentials()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0202:SetIsOriginAllowed(_ => true)|}.AllowCredentials()"),
            Program("""WithOrigins("https://app.example.com").AllowCredentials()"""),
            editorConfig: "apiguard.cors.trusted_origins = https://app.example.com");

    [Fact]
    public Task Fix_WithoutConfiguredOrigins_ReadsConfiguration()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0202:SetIsOriginAllowed(_ => true)|}.AllowCredentials()"),
            Program("""WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>()).AllowCredentials()"""));

    [Fact]
    public Task Fix_Narrow_ReplacesAnyHeader()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0202:SetIsOriginAllowed(_ => true)|}.AllowAnyHeader().AllowCredentials()"),
            Program("""WithOrigins("https://app.example.com").WithHeaders("Content-Type", "Authorization").AllowCredentials()"""),
            equivalenceKey: "AG0202.UseTrustedOriginsAndNarrow",
            editorConfig: "apiguard.cors.trusted_origins = https://app.example.com");

    [Fact]
    public Task FixAll_InDocument_FixesEveryPolicy()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("One", p => p.{|AG0202:SetIsOriginAllowed(_ => true)|}.AllowCredentials());
                options.AddPolicy("Two", p => p.AllowCredentials().{|AG0202:SetIsOriginAllowed(o => true)|});
            });
            builder.Build().Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("One", p => p.WithOrigins("https://app.example.com").AllowCredentials());
                options.AddPolicy("Two", p => p.AllowCredentials().WithOrigins("https://app.example.com"));
            });
            builder.Build().Run();
            """,
            editorConfig: "apiguard.cors.trusted_origins = https://app.example.com");
}
