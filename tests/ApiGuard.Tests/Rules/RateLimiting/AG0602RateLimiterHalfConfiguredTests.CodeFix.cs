using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RateLimiterHalfConfiguredAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RateLimiterHalfConfiguredCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0602RateLimiterHalfConfiguredTests
{
    [Fact]
    public Task Fix_NoMiddleware_TopLevel_InsertsAfterAuthorization()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            app.UseHttpsRedirection();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi").RequireRateLimiting("api");
            app.Run();
            """);

    [Fact]
    public Task Fix_NoMiddleware_Startup_InsertsBeforeUseEndpoints()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseStaticFiles();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseStaticFiles();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task Fix_NoMiddleware_DevelopmentOnlyUse_MovesIt()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                app.UseRateLimiter();
            }

            app.UseRouting();
            app.MapGet("/", () => "hi");
            app.Run();
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.UseRouting();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_NoServices_TopLevel_AddsRateLimiterBeforeBuild()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            var app = builder.Build();
            app.{|AG0602:UseRateLimiter|}();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddProblemDetails();
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_NoServices_Startup_AddsToConfigureServices()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|AG0602:UseRateLimiter|}();
                    app.UseEndpoints(e => e.MapControllers());
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
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task Fix_NoLimiter_BlockLambda_AddsGlobalLimiterKeepsStatusCode()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0602:AddRateLimiter|}(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_NoLimiter_EmptyLambdaInStartup_AddsStatusCodeAndGlobalLimiter()
        => VerifyCS.VerifyCodeFixAsync("""
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|AG0602:AddRateLimiter|}(limits =>
                    {
                    });
                }

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }
            """, """
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(limits =>
                    {
                        limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                        limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                            RateLimitPartition.GetFixedWindowLimiter(
                                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                                _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
                    });
                }

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }
            """);

    [Fact]
    public Task Fix_NoLimiter_ExpressionLambda_BecomesBlock()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0602:AddRateLimiter|}(o => o.RejectionStatusCode = 429);
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """, """
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(o =>
            {
                o.RejectionStatusCode = 429;
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """);

    [Fact]
    public Task Fix_NoLimiter_Options_UseConfiguredLimits()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|AG0602:AddRateLimiter|}(options =>
            {
                options.RejectionStatusCode = 429;
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """, """
            using System.Threading.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 600, Window = TimeSpan.FromSeconds(3600) }));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.Run();
            """,
            editorConfig: "apiguard.rate_limiting.permit_limit = 600\napiguard.rate_limiting.window_seconds = 3600");

    [Fact]
    public Task Fix_BothMissing_ChoosesByEquivalenceKey()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(_ => { });
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#0:AddRateLimiter|}(_ => { });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(Analyzers.Rules.RateLimiting.RateLimiterHalfConfiguredAnalyzer.NoMiddlewareMessage));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(Analyzers.Rules.RateLimiting.RateLimiterHalfConfiguredAnalyzer.NoLimiterMessage));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0602").WithLocation(0).WithArguments(Analyzers.Rules.RateLimiting.RateLimiterHalfConfiguredAnalyzer.NoLimiterMessage));
        test.CodeActionEquivalenceKey = "AG0602.UseRateLimiter";
        return test.RunAsync();
    }

    [Fact]
    public Task NoFix_AddInHelperInAnotherFile()
    {
        var test = VerifyCS.Create("""
            using Contoso.Api;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApiRateLimiting();
            var app = builder.Build();
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        var helper = $$"""
            using Microsoft.AspNetCore.RateLimiting;

            namespace Contoso.Api;

            public static class RateLimitingExtensions
            {
                public static IServiceCollection AddApiRateLimiting(this IServiceCollection services)
                    => services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
            }
            """;
        test.TestState.Sources.Add(("/0/RateLimiting.cs", helper));
        test.FixedState.Sources.Add(test.TestState.Sources[0]);
        test.FixedState.Sources.Add(("/0/RateLimiting.cs", helper));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_NoMiddleware_TwoStartupClasses()
        => VerifyCS.VerifyCodeFixAsync($$"""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            public class AdminStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.{|AG0602:AddRateLimiter|}(o => o.AddFixedWindowLimiter("admin", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """, $$"""
            using Microsoft.AspNetCore.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(o => o.AddFixedWindowLimiter("api", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }

            public class AdminStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRateLimiter(o => o.AddFixedWindowLimiter("admin", {{FixedWindow}}));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task FixAll_NoLimiter_TwoStartupClasses_OneUsing()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.{|AG0602:AddRateLimiter|}(o => { });

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }

            public class AdminStartup
            {
                public void ConfigureServices(IServiceCollection services) => services.{|AG0602:AddRateLimiter|}(o => { });

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }
            """, """
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRateLimiter(o =>
                {
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        RateLimitPartition.GetFixedWindowLimiter(
                            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
                });

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }

            public class AdminStartup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddRateLimiter(o =>
                {
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        RateLimitPartition.GetFixedWindowLimiter(
                            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
                });

                public void Configure(IApplicationBuilder app) => app.UseRateLimiter();
            }
            """);
}
