using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Auth.AuthMiddlewareOrderAnalyzer,
    ApiGuard.CodeFixes.Rules.Auth.AuthMiddlewareOrderCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Auth;

public partial class AG0306AuthMiddlewareOrderTests
{
    [Fact]
    public Task Fix_UseAuthenticationAfterUseAuthorization_MovesItBefore()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthorization();
            app.{|AG0306:UseAuthentication|}();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_UseCorsAfterAuthentication_Startup_MovesItBefore()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.{|AG0306:UseCors|}("web");
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors("web");
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task Fix_MissingUseAuthentication_Startup_InsertsBeforeUseAuthorization()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddAuthentication().AddCookie();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|AG0306:UseAuthorization|}();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """, """
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
    public Task Fix_UseRoutingBetween_NoMoveOffered()
    {
        var source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthentication();
            app.UseRouting();
            app.{|AG0306:UseCors|}();
            app.Run();
            """;
        return VerifyCS.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task FixAll_BothMisplaced_PutsCorsThenAuthenticationBeforeAuthorization()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthorization();
            app.{|AG0306:UseAuthentication|}();
            app.{|AG0306:UseCors|}();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.Run();
            """);
        test.NumberOfFixAllIterations = 1;
        test.CodeFixTestBehaviors |= Microsoft.CodeAnalysis.Testing.CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        return test.RunAsync();
    }
}
