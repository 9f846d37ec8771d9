using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimitingMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimitingMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0601RateLimitingMissingTests
{
    [Fact]
    public Task Fix_TopLevel_AddsLimiterBeforeBuildAndMiddlewareAfterAuthorization()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = {|AG0601:builder.Build()|};
            app.UseHttpsRedirection();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();
            """, """
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
            });
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.MapControllers();
            app.Run();
            """);

    [Fact]
    public Task Fix_Startup_AddsToConfigureServicesAndAfterAuthorization()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                }

                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """, """
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                            RateLimitPartition.GetFixedWindowLimiter(
                                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                                _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);
}
