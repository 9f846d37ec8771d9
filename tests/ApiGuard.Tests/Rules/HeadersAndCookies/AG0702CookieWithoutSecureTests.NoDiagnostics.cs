using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.CookieWithoutSecureAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.CookieWithoutSecureCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0702CookieWithoutSecureTests
{
    [Fact]
    public Task SecureNotDevelopment_Value_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { Secure = !app.Environment.IsDevelopment() }));
            app.Run();
            """);

    [Fact]
    public Task SecurePolicy_TernaryOnDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SecurePolicy_LocalFromEnvironmentCheck_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                private readonly IWebHostEnvironment _env;

                public Startup(IWebHostEnvironment env) => _env = env;

                public void ConfigureServices(IServiceCollection services)
                {
                    var policy = _env.IsDevelopment() ? CookieSecurePolicy.None : CookieSecurePolicy.Always;
                    services.AddSession(o => o.Cookie.SecurePolicy = policy);
                }

                public void Configure(IApplicationBuilder app) => app.UseSession();
            }
            """);

    [Fact]
    public Task SecurePolicy_TernaryOnIsProduction_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            // Insecure in Staging, but IsProduction() says nothing about the other environments, so the value is unknown.
            builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.None);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SecureFalse_InsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
            }

            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task SecureTrueAndPolicyAlways_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSession(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
            var app = builder.Build();
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { Secure = true }));
            app.Run();
            """);

    [Fact]
    public Task SecureFromConfiguration_UnknownValue_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var secure = builder.Configuration.GetValue<bool>("Cookies:Secure");
            var app = builder.Build();
            app.MapGet("/", (HttpContext context) => context.Response.Cookies.Append("prefs", "dark", new CookieOptions { Secure = secure }));
            app.Run();
            """);

    [Fact]
    public Task SecureOnUserType_SameName_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            var settings = new MyCookieOptions { Secure = false, SecurePolicy = CookieSecurePolicy.None };
            app.Run();

            class MyCookieOptions
            {
                public bool Secure { get; set; }

                public CookieSecurePolicy SecurePolicy { get; set; }
            }
            """);

    [Fact]
    public Task NonAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            class CookieOptions
            {
                public bool Secure { get; set; }
            }

            class Program
            {
                static void Main() => _ = new CookieOptions { Secure = false };
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }
}
