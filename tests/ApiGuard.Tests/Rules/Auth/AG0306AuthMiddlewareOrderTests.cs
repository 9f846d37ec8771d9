using ApiGuard.Analyzers.Rules.Auth;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AuthMiddlewareOrderAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AuthMiddlewareOrderCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0306AuthMiddlewareOrderTests
{
    [Fact]
    public Task UseAuthenticationAfterUseAuthorization_TopLevel_ReportsOnUseAuthentication()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthorization();
            app.{|#0:UseAuthentication|}();
            app.MapGet("/", () => "hi").RequireAuthorization();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0306").WithLocation(0).WithArguments(AuthMiddlewareOrderAnalyzer.AuthenticationAfterAuthorizationMessage));

    [Fact]
    public Task UseAuthenticationAfterUseAuthorization_Startup_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication();
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.{|AG0306:UseAuthentication|}();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task UseCorsAfterUseAuthorization_TopLevel_ReportsOnUseCors()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            var app = builder.Build();
            app.UseAuthorization();
            app.{|#0:UseCors|}();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0306").WithLocation(0).WithArguments("UseCors() runs after UseAuthorization(): CORS preflight requests are rejected before CORS answers them"));

    [Fact]
    public Task UseCorsAfterUseAuthentication_Startup_ReportsNamingAuthentication()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.{|#0:UseCors|}("web");
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """,
            VerifyCS.Diagnostic("AG0306").WithLocation(0).WithArguments("UseCors() runs after UseAuthentication(): CORS preflight requests are rejected before CORS answers them"));

    [Fact]
    public Task BothMisplaced_TopLevel_ReportsEach()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthorization();
            app.{|AG0306:UseAuthentication|}();
            app.{|AG0306:UseCors|}();
            app.Run();
            """);

    [Fact]
    public Task StartupWithSchemesAndNoUseAuthentication_ReportsOnUseAuthorization()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddAuthentication("Cookies").AddCookie();
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#0:UseAuthorization|}();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """,
            VerifyCS.Diagnostic("AG0306").WithLocation(0).WithArguments(AuthMiddlewareOrderAnalyzer.MissingAuthenticationMessage));

    [Fact]
    public Task StartupWithIdentityAndNoUseAuthentication_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Identity;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddIdentity<IdentityUser, IdentityRole>();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|AG0306:UseAuthorization|}();
                    app.UseEndpoints(e => e.MapRazorPages());
                }
            }
            """);

    [Fact]
    public Task MisorderedInNonDevelopmentBlock_TopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseAuthorization();
                app.{|AG0306:UseAuthentication|}();
            }

            app.Run();
            """);

    [Fact]
    public Task AlwaysAuthorizationThenNonDevelopmentAuthentication_TopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthorization();
            if (!app.Environment.IsDevelopment())
            {
                app.{|AG0306:UseAuthentication|}();
            }

            app.Run();
            """);

    [Fact]
    public Task MisorderedInsideOneMapBranch_TopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Map("/admin", admin =>
            {
                admin.UseAuthorization();
                admin.{|AG0306:UseAuthentication|}();
            });
            app.Run();
            """);

    [Fact]
    public Task MisorderedInHelper_TopLevel_ReportsOnBuild()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0306:builder.Build()|};
            app.UseSecurity();
            app.Run();

            static class PipelineExtensions
            {
                public static IApplicationBuilder UseSecurity(this IApplicationBuilder app)
                {
                    app.UseAuthorization();
                    app.UseAuthentication();
                    return app;
                }
            }
            """);

    [Fact]
    public Task WithNet10References_TopLevel_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthorization();
            app.{|AG0306:UseAuthentication|}();
            app.Run();
            """, Infrastructure.AspNetCoreVersion.Net100);
}
