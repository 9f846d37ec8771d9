using ApiGuard.Analyzers.Rules.Transport;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HstsMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HstsMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0101HstsMissingTests
{
    [Fact]
    public Task TopLevel_NoUseHsts_ReportsOnBuild()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|#0:builder.Build()|};
            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0101").WithLocation(0).WithArguments(HstsMissingAnalyzer.MissingMessage));

    [Fact]
    public Task TopLevel_WebApplicationCreate_ReportsOnCreate()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = {|AG0101:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task StaticMain_NoUseHsts_Reports()
    {
        var test = VerifyCS.Create("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    var app = {|AG0101:builder.Build()|};
                    app.MapGet("/", () => "hi");
                    app.Run();
                }
            }
            """);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Startup_NoUseHsts_ReportsOnConfigure()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void {|AG0101:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task TopLevel_UseHstsOnlyInDevelopment_ReportsOnTheCall()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                {|#0:app.UseHsts()|};
            }

            app.Run();
            """,
            VerifyCS.Diagnostic("AG0101").WithLocation(0).WithArguments(HstsMissingAnalyzer.DevelopmentOnlyMessage));

    [Fact]
    public Task Startup_UseHstsInsideInvertedProductionGuard_ReportsDevelopmentOnly()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsProduction() && env.IsDevelopment())
                    {
                        {|AG0101:app.UseHsts()|};
                    }
                }
            }
            """);

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0101:builder.Build()|};
            app.MapStaticAssets();
            app.Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task Startup_HelperCalledOnlyInDevelopment_ReportsOnConfigure()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void {|AG0101:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseTransportSecurity();
                    }
                }
            }

            public static class Transport
            {
                public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app) => app.UseHsts().UseHttpsRedirection();
            }
            """);
}
