using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DetailedErrorsInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DetailedErrorsInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0403DetailedErrorsInProductionTests
{
    private static readonly string[] Packages = { DisclosureStandIns.EntityFramework, DisclosureStandIns.JwtBearer, DisclosureStandIns.GrpcReflection };

    private const string DbContext = """

        public sealed class AppDbContext : Microsoft.EntityFrameworkCore.DbContext
        {
            public AppDbContext(Microsoft.EntityFrameworkCore.DbContextOptions options) : base(options) { }
        }
        """;

    private static Task VerifyAsync(string source, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
    {
        var test = VerifyCS.Create(source).WithPackages(Packages);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    [Fact]
    public Task EntityFramework_TopLevelAddDbContext_Reports()
        => VerifyAsync("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options
                .UseSqlServer(builder.Configuration.GetConnectionString("Default"))
                .{|#0:EnableSensitiveDataLogging()|}
                .{|#1:EnableDetailedErrors(true)|});
            var app = builder.Build();
            app.Run();
            """ + DbContext,
            VerifyCS.Diagnostic("AG0403").WithLocation(0).WithArguments("EnableSensitiveDataLogging()"),
            VerifyCS.Diagnostic("AG0403").WithLocation(1).WithArguments("EnableDetailedErrors()"));

    [Fact]
    public Task Options_TopLevelAssignments_Report()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => {|#0:options.EnableDetailedErrors = true|});
            builder.Services.AddServerSideBlazor(options => {|#1:options.DetailedErrors = true|});
            builder.Services.AddAuthentication().AddJwtBearer(options => {|#2:options.IncludeErrorDetails = true|});
            builder.Services.AddGrpc(options => {|#3:options.EnableDetailedErrors = true|});
            var app = builder.Build();
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0403").WithLocation(0).WithArguments("HubOptions.EnableDetailedErrors = true"),
            VerifyCS.Diagnostic("AG0403").WithLocation(1).WithArguments("CircuitOptions.DetailedErrors = true"),
            VerifyCS.Diagnostic("AG0403").WithLocation(2).WithArguments("JwtBearerOptions.IncludeErrorDetails = true"),
            VerifyCS.Diagnostic("AG0403").WithLocation(3).WithArguments("GrpcServiceOptions.EnableDetailedErrors = true"));

    [Fact]
    public Task Startup_ConfigureServices_Reports()
        => VerifyAsync("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.{|AG0403:EnableSensitiveDataLogging()|});
                    services.Configure<Microsoft.AspNetCore.SignalR.HubOptions>(options => {|AG0403:options.EnableDetailedErrors = true|});
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """ + DbContext);

    [Fact]
    public Task ObjectInitializerAndConstant_Report()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSingleton(new Microsoft.AspNetCore.SignalR.HubOptions { {|AG0403:EnableDetailedErrors = Settings.Detailed|} });
            var app = builder.Build();
            app.Run();

            static class Settings
            {
                public const bool Detailed = true;
            }
            """);

    [Fact]
    public Task InvertedEnvironmentValue_Reports()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = !builder.Environment.IsDevelopment()|});
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task InvertedGuard_Reports()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsProduction())
            {
                builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
            }

            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Helper_NotCalledFromAnyApp_ReportsOnLocalGuard()
        => VerifyAsync("""
            using Microsoft.EntityFrameworkCore;

            public static class Data
            {
                public static void Configure(DbContextOptionsBuilder options) => options.{|AG0403:EnableSensitiveDataLogging()|};
            }
            """);

    [Fact]
    public Task Options_AspNetCore10_Reports()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
            var app = builder.Build();
            app.Run();
            """, version: AspNetCoreVersion.Net100);
        return test.RunAsync();
    }

    [Fact]
    public Task Options_TestProjectWithOption_Reports()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
            var app = builder.Build();
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }
}
