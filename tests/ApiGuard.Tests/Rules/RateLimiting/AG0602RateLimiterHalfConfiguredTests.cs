using ApiGuard.Analyzers.Rules.RateLimiting;
using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimiterHalfConfiguredAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimiterHalfConfiguredCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0602RateLimiterHalfConfiguredTests
{
    private const string FixedWindow = """w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); }""";

    [Fact]
    public Task TopLevel_AddWithoutUse_ReportsOnAddRateLimiter()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(RateLimiterHalfConfiguredAnalyzer.NoMiddlewareMessage));

    [Fact]
    public Task Startup_AddWithoutUse_Reports()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task TopLevel_UseWithoutAdd_ReportsOnUseRateLimiter()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseRateLimiter|}();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(RateLimiterHalfConfiguredAnalyzer.NoServicesMessage));

    [Fact]
    public Task Startup_UseWithoutAdd_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|AG0602:UseRateLimiter|}();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task AddWithoutLimiterOrPolicy_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(RateLimiterHalfConfiguredAnalyzer.NoLimiterMessage));

    [Fact]
    public Task AddWithoutLimiterAndWithoutUse_ReportsBoth()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(_ => { });
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(RateLimiterHalfConfiguredAnalyzer.NoMiddlewareMessage),
            VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(RateLimiterHalfConfiguredAnalyzer.NoLimiterMessage));

    [Fact]
    public Task AddRateLimiterOnlyInDevelopment_ReportsUnguardedUse()
        => VerifyCS.VerifyAnalyzerAsync("""
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.Services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all")));
            }

            var app = builder.Build();
            app.{|#0:UseRateLimiter|}();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(RateLimiterHalfConfiguredAnalyzer.NoServicesMessage));

    [Fact]
    public Task UseRateLimiterOnlyInDevelopment_ReportsAdd()
        => VerifyCS.VerifyAnalyzerAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseRateLimiter();
                    }

                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task AddInHelperInAnotherFileWithoutUse_ReportsInTheHelper()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApiRateLimiting();
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/RateLimiting.cs", $$"""
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api;

            public static class RateLimitingExtensions
            {
                public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
                    => services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UserTypeNamedRateLimiterOptions_DoesNotCountAsLimiter()
    {
        // A naive matcher would take the user's GlobalLimiter property for the framework's.
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            var limits = new Contoso.RateLimiterOptions();
            limits.GlobalLimiter = "fixed";
            builder.Services.{|AG0602:AddRateLimiter|}(o => o.OnRejected = (context, token) => ValueTask.CompletedTask);
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/RateLimiterOptions.cs", """
            namespace Contoso;

            public sealed class RateLimiterOptions
            {
                public string? GlobalLimiter { get; set; }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task UserAddRateLimiterHelperThatRegistersNothing_ReportsUse()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter();
            var app = builder.Build();
            app.{|AG0602:UseRateLimiter|}();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/Limits.cs", """
            namespace Contoso.Api;

            public static class Limits
            {
                public static IServiceCollection AddRateLimiter(this IServiceCollection services) => services.AddMemoryCache();
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task AspNetCoreRateLimitAndUnusedBuiltInLimiter_ReportsAdd()
    {
        var test = VerifyCS.Create($$"""
            using AspNetCoreRateLimit;
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseIpRateLimiting();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.AdditionalReferences.Add(StandIns.AspNetCoreRateLimit());
        return test.RunAsync();
    }

    [Fact]
    public Task TopLevel_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.CreateBuilder(args).Build();
            app.{|AG0602:UseRateLimiter|}();
            app.MapStaticAssets();
            app.Run();
            """,
            AspNetCoreVersion.Net100);
}
