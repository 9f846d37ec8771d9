using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AuthMiddlewareOrderAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AuthMiddlewareOrderCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0306AuthMiddlewareOrderTests
{
    [Fact]
    public Task TemplateOrder_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.AddAuthentication();
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task SchemesWithoutUseAuthentication_WebApplication_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication("Cookies").AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthorization();
            app.MapGet("/", () => "hi").RequireAuthorization();
            app.Run();
            """);

    [Fact]
    public Task SchemesWithUseAuthentication_Startup_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddAuthentication().AddCookie();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task NoSchemesNoUseAuthentication_Startup_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task SchemesOnlyInDevelopment_Startup_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                private readonly IWebHostEnvironment _env;

                public Startup(IWebHostEnvironment env) => _env = env;

                public void ConfigureServices(IServiceCollection services)
                {
                    if (_env.IsDevelopment())
                    {
                        services.AddAuthentication().AddCookie();
                    }
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task MisorderedOnlyInDevelopment_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseAuthorization();
                app.UseAuthentication();
            }
            else
            {
                app.UseAuthentication();
                app.UseAuthorization();
            }

            app.Run();
            """);

    [Fact]
    public Task AuthorizationInDevelopmentAuthenticationOutside_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseAuthorization();
            }

            app.UseAuthentication();
            app.Run();
            """);

    [Fact]
    public Task DifferentEnvironmentChecks_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsProduction())
            {
                app.UseAuthentication();
                app.UseAuthorization();
            }

            if (app.Environment.IsStaging())
            {
                app.UseAuthentication();
                app.UseAuthorization();
            }

            app.Run();
            """);

    [Fact]
    public Task AuthorizationInUseWhenBranch_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/admin"), admin => admin.UseAuthorization());
            app.UseAuthentication();
            app.UseAuthorization();
            app.Run();
            """);

    [Fact]
    public Task SeparateMapBranches_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Map("/a", a => a.UseAuthorization());
            app.Map("/b", b =>
            {
                b.UseCors();
                b.UseAuthentication();
            });
            app.Run();
            """);

    [Fact]
    public Task CorsInMapBranchAfterMainAuthorization_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.Map("/public", p => p.UseCors());
            app.Run();
            """);

    [Fact]
    public Task MisorderedAfterOpaqueHelper_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthorization();
            app.UseAuthentication();
            Configurer.Apply(app);
            app.Run();

            static class Configurer
            {
                public static System.Action<IApplicationBuilder> Apply = a => { };
            }
            """);

    [Fact]
    public Task LookAlikeMethodsOnUserType_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var audit = new Audit();
            audit.UseAuthorization();
            audit.UseAuthentication();
            audit.UseCors();
            app.Run();

            class Audit
            {
                public void UseAuthorization() { }
                public void UseAuthentication() { }
                public void UseCors() { }
            }
            """);

    [Fact]
    public Task DuplicateLateUseAuthentication_TopLevel_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseAuthentication();
            app.Run();
            """);

    [Fact]
    public Task StartupDevelopmentClass_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseAuthorization();
                    app.UseAuthentication();
                }
            }
            """);

    [Fact]
    public Task MisorderedInSeparateUseWhenBranches_TopLevel_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseWhen(c => true, b => b.UseAuthorization());
            app.UseWhen(c => true, b => b.UseAuthentication());
            app.Run();
            """);
}
