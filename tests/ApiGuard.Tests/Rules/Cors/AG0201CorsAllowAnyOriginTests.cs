using ApiGuard.Analyzers.Rules.Cors;
using ApiGuard.CodeFixes.Rules.Cors;
using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Cors.CorsAllowAnyOriginAnalyzer,
    ApiGuard.CodeFixes.Rules.Cors.CorsAllowAnyOriginCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Cors;

public partial class AG0201CorsAllowAnyOriginTests
{
    private static string Program(string policy) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Api", policy => policy.{{policy}});
        });
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """;

    [Fact]
    public Task AllowAnyOrigin_InNamedPolicy_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("{|#0:AllowAnyOrigin()|}.AllowAnyHeader()"),
            VerifyCS.Diagnostic("AG0201").WithLocation(0).WithArguments("AllowAnyOrigin()", string.Empty));

    [Fact]
    public Task AllowAnyOrigin_InDefaultPolicy_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.{|AG0201:AllowAnyOrigin()|}));
            builder.Build().Run();
            """);

    [Fact]
    public Task AllowAnyOrigin_InUseCorsLambda_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.UseCors(b => b.{|AG0201:AllowAnyOrigin()|}.AllowAnyMethod());
            app.Run();
            """);

    [Fact]
    public Task AllowAnyOrigin_InStartupConfigureServices_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("Api", builder =>
                        {
                            builder.{|AG0201:AllowAnyOrigin()|};
                            builder.AllowAnyHeader();
                        });
                    });
                }

                public void Configure(IApplicationBuilder app) => app.UseCors("Api");
            }
            """);

    [Fact]
    public Task AllowAnyOrigin_OnNewCorsPolicyBuilder_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().{|AG0201:AllowAnyOrigin()|}.Build();
            }
            """);

    [Fact]
    public Task AllowAnyOrigin_WithCredentials_ReportsStartupFailure()
        => VerifyCS.VerifyAnalyzerAsync(Program("{|#0:AllowAnyOrigin()|}.AllowCredentials()"),
            VerifyCS.Diagnostic("AG0201").WithLocation(0).WithArguments("AllowAnyOrigin()", CorsAllowAnyOriginAnalyzer.StartupFailureSuffix));

    [Fact]
    public Task AllowAnyOrigin_WithCredentialsInOtherStatement_ReportsStartupFailure()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p =>
            {
                p.{|#0:AllowAnyOrigin()|};
                p.AllowCredentials();
            }));
            builder.Build().Run();
            """,
            VerifyCS.Diagnostic("AG0201").WithLocation(0).WithArguments("AllowAnyOrigin()", CorsAllowAnyOriginAnalyzer.StartupFailureSuffix));

    [Fact]
    public Task WithOrigins_WildcardOnly_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("""{|#0:WithOrigins("*")|}"""),
            VerifyCS.Diagnostic("AG0201").WithLocation(0).WithArguments("""WithOrigins("*")""", string.Empty));

    [Fact]
    public Task WithOrigins_WildcardInArray_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("""{|AG0201:WithOrigins(new[] { "*" })|}"""));

    [Fact]
    public Task WithOrigins_WildcardInTypedArray_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("""{|AG0201:WithOrigins(new string[] { "*" })|}"""));

    [Fact]
    public Task WithOrigins_WildcardInCollectionExpression_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("""{|AG0201:WithOrigins(["*"])|}"""));

    [Fact]
    public Task WithOrigins_WildcardThroughConstant_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.{|AG0201:WithOrigins(Origins.Any)|}));
            builder.Build().Run();

            static class Origins
            {
                public const string Any = "*";
            }
            """);

    [Fact]
    public Task CorsPolicyBuilderConstructor_Wildcard_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => {|AG0201:new CorsPolicyBuilder("*")|}.Build();
            }
            """);

    [Theory]
    [InlineData("_ => true")]
    [InlineData("origin => true")]
    [InlineData("(string origin) => true")]
    [InlineData("origin => { return true; }")]
    public Task SetIsOriginAllowed_AlwaysTrueLambda_Reports(string predicate)
        => VerifyCS.VerifyAnalyzerAsync(Program("{|AG0201:SetIsOriginAllowed(" + predicate + ")|}"));

    [Fact]
    public Task SetIsOriginAllowed_AlwaysTrueMethodGroup_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.{|AG0201:SetIsOriginAllowed(OriginRules.AllowAll)|}));
            builder.Build().Run();

            static class OriginRules
            {
                public static bool AllowAll(string origin) => true;
            }
            """);

    [Fact]
    public Task SetIsOriginAllowed_AlwaysTrueLocalFunction_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.{|AG0201:SetIsOriginAllowed(Any)|}));
            builder.Build().Run();

            static bool Any(string origin)
            {
                return true;
            }
            """);

    [Fact]
    public Task CorsPolicyOriginsAdd_WildcardOnly_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open()
                {
                    var policy = new CorsPolicy();
                    {|AG0201:policy.Origins.Add("*")|};
                    return policy;
                }
            }
            """);

    [Fact]
    public Task AllowAnyOrigin_InProductionOnlyBranch_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (!builder.Environment.IsDevelopment())
            {
                builder.Services.AddCors(o => o.AddPolicy("Api", p => p.{|AG0201:AllowAnyOrigin()|}));
            }
            builder.Build().Run();
            """);

    [Fact]
    public Task AllowAnyOrigin_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync(Program("{|AG0201:AllowAnyOrigin()|}"), AspNetCoreVersion.Net100);

    [Fact]
    public Task SetIsOriginAllowed_MultiLinePredicate_MessageNamesTheCall()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.{|#0:SetIsOriginAllowed(origin =>
            {
                return true;
            })|}));
            builder.Build().Run();
            """,
            VerifyCS.Diagnostic("AG0201").WithLocation(0).WithArguments("SetIsOriginAllowed(...)", string.Empty));
}
