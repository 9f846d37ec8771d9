using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Cors.CorsAllowAnyOriginAnalyzer,
    ApiGuard.CodeFixes.Rules.Cors.CorsAllowAnyOriginCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Cors;

public partial class AG0201CorsAllowAnyOriginTests
{
    private const string TrustedOrigins = "apiguard.cors.trusted_origins = https://app.example.com, https://admin.example.com";

    [Fact]
    public Task Fix_WithConfiguredOrigins_WritesThem()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0201:AllowAnyOrigin()|}.AllowAnyHeader()"),
            Program("""WithOrigins("https://app.example.com", "https://admin.example.com").AllowAnyHeader()"""),
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_WithoutConfiguredOrigins_ReadsThemFromConfiguration()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0201:AllowAnyOrigin()|}"),
            Program("""WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>())"""));

    [Fact]
    public Task Fix_ConfigurationKeyOption_IsUsed()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0201:AllowAnyOrigin()|}"),
            Program("""WithOrigins(builder.Configuration.GetSection("Security:Origins").Get<string[]>() ?? Array.Empty<string>())"""),
            editorConfig: "apiguard.cors.configuration_key = Security:Origins");

    [Fact]
    public Task Fix_InStartupWithConfigurationProperty_ReadsConfiguration()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(o => o.AddPolicy("Api", p => p.{|AG0201:SetIsOriginAllowed(_ => true)|}));
            }
            """, """
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins(Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>())));
            }
            """);

    [Fact]
    public Task Fix_WithoutConfigurationInScope_WritesPlaceholder()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().{|AG0201:AllowAnyOrigin()|}.Build();
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().WithOrigins("https://trusted-origin.invalid").Build();
            }
            """);

    [Fact]
    public Task Fix_WildcardWithOrigins_ReplacesArguments()
        => VerifyCS.VerifyCodeFixAsync(
            Program("""{|AG0201:WithOrigins(new[] { "*" })|}"""),
            Program("""WithOrigins("https://app.example.com", "https://admin.example.com")"""),
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_CollectionExpression_ReplacesArguments()
        => VerifyCS.VerifyCodeFixAsync(
            Program("""{|AG0201:WithOrigins(["*"])|}"""),
            Program("""WithOrigins("https://app.example.com", "https://admin.example.com")"""),
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_CorsPolicyBuilderConstructor_ReplacesArguments()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => {|AG0201:new CorsPolicyBuilder("*")|}.Build();
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder("https://app.example.com", "https://admin.example.com").Build();
            }
            """,
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_CorsPolicyOriginsAdd_AddsEachTrustedOrigin()
        => VerifyCS.VerifyCodeFixAsync("""
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
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.Add("https://app.example.com");
                    policy.Origins.Add("https://admin.example.com");
                    return policy;
                }
            }
            """,
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_CorsPolicyOriginsAdd_WithConfiguration_LoopsOverConfiguredOrigins()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Create(IConfiguration configuration)
                {
                    var policy = new CorsPolicy();
                    {|AG0201:policy.Origins.Add("*")|};
                    return policy;
                }
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Create(IConfiguration configuration)
                {
                    var policy = new CorsPolicy();
                    foreach (var origin in configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>())
                    {
                        policy.Origins.Add(origin);
                    }
                    return policy;
                }
            }
            """);

    [Fact]
    public Task Fix_Narrow_ReplacesAnyMethodAndAnyHeader()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0201:AllowAnyOrigin()|}.AllowAnyMethod().AllowAnyHeader()"),
            Program("""WithOrigins("https://app.example.com", "https://admin.example.com").WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization")"""),
            equivalenceKey: "AG0201.UseTrustedOriginsAndNarrow",
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_Narrow_UsesMethodAndHeaderOptions()
        => VerifyCS.VerifyCodeFixAsync(
            Program("{|AG0201:AllowAnyOrigin()|}.AllowAnyMethod().AllowAnyHeader()"),
            Program("""WithOrigins("https://app.example.com", "https://admin.example.com").WithMethods("GET", "PUT", "DELETE").WithHeaders("X-Api-Version")"""),
            equivalenceKey: "AG0201.UseTrustedOriginsAndNarrow",
            editorConfig: TrustedOrigins + "\napiguard.cors.allowed_methods = GET, PUT, DELETE\napiguard.cors.allowed_headers = X-Api-Version");

    [Fact]
    public Task Fix_Narrow_StatementsOnSameBuilder()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p =>
            {
                p.{|AG0201:AllowAnyOrigin()|};
                p.AllowAnyMethod();
            }));
            builder.Build().Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p =>
            {
                p.WithOrigins("https://app.example.com", "https://admin.example.com");
                p.WithMethods("GET", "POST");
            }));
            builder.Build().Run();
            """,
            equivalenceKey: "AG0201.UseTrustedOriginsAndNarrow",
            editorConfig: TrustedOrigins);

    [Fact]
    public Task Fix_WildcardInTrustedOriginsOption_IsIgnored()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().{|AG0201:AllowAnyOrigin()|}.Build();
            }
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().WithOrigins("https://trusted-origin.invalid").Build();
            }
            """,
            editorConfig: "apiguard.cors.trusted_origins = *");

    [Fact]
    public Task Fix_WithoutBinderUsing_AddsUsingDirective()
    {
        var test = VerifyCS.Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.{|AG0201:AllowAnyOrigin()|}));
            builder.Build().Run();
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? System.Array.Empty<string>())));
            builder.Build().Run();
            """);
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_InDocument_FixesEveryPolicy()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("One", p => p.{|AG0201:AllowAnyOrigin()|});
                options.AddPolicy("Two", p => p.{|AG0201:WithOrigins("*")|}.AllowAnyHeader());
                options.AddDefaultPolicy(p => p.{|AG0201:SetIsOriginAllowed(_ => true)|});
            });
            builder.Build().Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("One", p => p.WithOrigins("https://app.example.com", "https://admin.example.com"));
                options.AddPolicy("Two", p => p.WithOrigins("https://app.example.com", "https://admin.example.com").AllowAnyHeader());
                options.AddDefaultPolicy(p => p.WithOrigins("https://app.example.com", "https://admin.example.com"));
            });
            builder.Build().Run();
            """,
            editorConfig: TrustedOrigins);

    [Fact]
    public Task FixAll_AcrossDocuments_FixesProject()
    {
        var test = VerifyCS.Create(Program("{|AG0201:AllowAnyOrigin()|}"));
        test.TestState.Sources.Add(("/0/Policies.cs", """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().{|AG0201:AllowAnyOrigin()|}.Build();
            }
            """));
        test.FixedState.Sources.Add(Program("""WithOrigins("https://app.example.com", "https://admin.example.com")"""));
        test.FixedState.Sources.Add(("/0/Policies.cs", """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Policies
            {
                public static CorsPolicy Open() => new CorsPolicyBuilder().WithOrigins("https://app.example.com", "https://admin.example.com").Build();
            }
            """));
        test.EditorConfig = TrustedOrigins;
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_FromConfiguration_FixesEveryPolicy()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("One", p => p.{|AG0201:AllowAnyOrigin()|}.AllowAnyMethod());
                options.AddPolicy("Two", p => p.{|AG0201:WithOrigins("*")|});
                options.AddPolicy("Three", p => p.{|AG0201:SetIsOriginAllowed(_ => true)|});
            });
            builder.Build().Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("One", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>()).AllowAnyMethod());
                options.AddPolicy("Two", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>()));
                options.AddPolicy("Three", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>()));
            });
            builder.Build().Run();
            """);

    [Fact]
    public Task Fix_InStaticLocalFunction_DoesNotCaptureTopLevelBuilder()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", Open()));
            builder.Build().Run();

            static CorsPolicy Open() => new CorsPolicyBuilder().{|AG0201:AllowAnyOrigin()|}.Build();
            """, """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", Open()));
            builder.Build().Run();

            static CorsPolicy Open() => new CorsPolicyBuilder().WithOrigins("https://trusted-origin.invalid").Build();
            """);
}
