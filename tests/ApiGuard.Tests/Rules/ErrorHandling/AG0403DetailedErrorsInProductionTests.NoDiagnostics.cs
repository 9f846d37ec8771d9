using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DetailedErrorsInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DetailedErrorsInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0403DetailedErrorsInProductionTests
{
    [Theory]
    [InlineData("options.EnableDetailedErrors = builder.Environment.IsDevelopment()")]
    [InlineData("options.EnableDetailedErrors = false")]
    [InlineData("options.EnableDetailedErrors = builder.Environment.IsDevelopment() ? true : false")]
    [InlineData("options.EnableDetailedErrors = builder.Configuration.GetValue<bool>(\"DetailedErrors\")")]
    [InlineData("{ if (builder.Environment.IsDevelopment()) { options.EnableDetailedErrors = true; } }")]
    [InlineData("options.EnableDetailedErrors = isDevelopment")]
    public Task SignalR_DevelopmentOnlyOrUnknownValue_NoDiagnostic(string lambdaBody)
        => VerifyAsync($$"""
            var builder = WebApplication.CreateBuilder(args);
            var isDevelopment = builder.Environment.IsDevelopment();
            builder.Services.AddSignalR(options => {{lambdaBody}});
            var app = builder.Build();
            app.Run();
            """);

    [Theory]
    [InlineData("options.EnableSensitiveDataLogging(builder.Environment.IsDevelopment())")]
    [InlineData("options.EnableDetailedErrors(false)")]
    [InlineData("options.EnableSensitiveDataLogging(builder.Configuration.GetValue<bool>(\"Sensitive\"))")]
    public Task EntityFramework_DevelopmentValue_NoDiagnostic(string lambdaBody)
        => VerifyAsync($$"""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => {{lambdaBody}});
            var app = builder.Build();
            app.Run();
            """ + DbContext);

    [Fact]
    public Task EntityFramework_DevelopmentGuard_NoDiagnostic()
        => VerifyAsync("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options =>
            {
                options.UseSqlServer("Server=db");
                if (builder.Environment.IsDevelopment())
                {
                    options.EnableSensitiveDataLogging();
                }
            });
            var app = builder.Build();
            app.Run();
            """ + DbContext);

    [Fact]
    public Task Startup_ConfigureDevelopmentServices_NoDiagnostic()
        => VerifyAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddSignalR();

                public void ConfigureDevelopmentServices(IServiceCollection services) => services.AddSignalR(options => options.EnableDetailedErrors = true);

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """);

    [Fact]
    public Task LookAlikeOptionsOfUserType_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var settings = new MyOptions { EnableDetailedErrors = true, DetailedErrors = true, IncludeErrorDetails = true };
            settings.EnableSensitiveDataLogging();
            var app = builder.Build();
            app.Run();

            public sealed class MyOptions
            {
                public bool EnableDetailedErrors { get; set; }

                public bool DetailedErrors { get; set; }

                public bool IncludeErrorDetails { get; set; }

                public void EnableSensitiveDataLogging() { }
            }
            """);

    [Fact]
    public Task JwtBearer_IncludeErrorDetailsFalse_NoDiagnostic()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options => options.IncludeErrorDetails = false);
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task JwtBearer_IncludeErrorDetailsLeftAtDefault_KnownFalseNegative()
        => VerifyAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options => options.Authority = "https://login.example.com");
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task EntityFramework_ValueFromHelperMethod_KnownFalseNegative()
        => VerifyAsync("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options.EnableSensitiveDataLogging(Flags.Sensitive()));
            var app = builder.Build();
            app.Run();

            static class Flags
            {
                public static bool Sensitive() => true;
            }
            """ + DbContext);

    [Fact]
    public Task Options_TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => options.EnableDetailedErrors = true);
            var app = builder.Build();
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
