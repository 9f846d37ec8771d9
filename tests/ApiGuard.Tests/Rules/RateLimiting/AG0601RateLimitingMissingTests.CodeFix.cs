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

    [Fact]
    public Task Fix_TopLevel_NoRoutingOrAuth_InsertsMiddlewareBeforeFirstEndpoint()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.UseHttpsRedirection();
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
            app.UseHttpsRedirection();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_Options_UseConfiguredLimits()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
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
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromSeconds(10) }));
            });
            var app = builder.Build();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """,
            editorConfig: "apiguard.rate_limiting.permit_limit = 20\napiguard.rate_limiting.window_seconds = 10");

    [Fact]
    public Task Fix_InvalidOptions_UseDefaults()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
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
            """,
            editorConfig: "apiguard.rate_limiting.permit_limit = -5\napiguard.rate_limiting.window_seconds = a minute");

    [Fact]
    public Task Fix_FileHeaderAndExistingUsings_KeepsHeaderAndSortsUsing()
        => VerifyCS.VerifyCodeFixAsync("""
            // Orders API.
            using Microsoft.AspNetCore.Authentication.Cookies;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            var app = {|AG0601:builder.Build()|};
            app.UseAuthentication();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            // Orders API.
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.Authentication.Cookies;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    RateLimitPartition.GetFixedWindowLimiter(
                        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = TimeSpan.FromSeconds(60) }));
            });
            var app = builder.Build();
            app.UseAuthentication();
            app.UseRateLimiter();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_HeaderCommentWithoutUsings_StaysOnTop()
        => VerifyCS.VerifyCodeFixAsync("""
            // Orders API.

            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            // Orders API.

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
    public Task Fix_NamespaceImportedGlobally_AddsNoUsing()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
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
        test.TestState.Sources.Add(("/0/GlobalUsings.cs", "global using System.Threading.RateLimiting;\n"));
        test.FixedState.Sources.Add(("/0/GlobalUsings.cs", "global using System.Threading.RateLimiting;\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_StaticMain_AddsBeforeBuild()
    {
        var test = VerifyCS.Create("""
            public static class Program
            {
                public static void Main(string[] args)
                {
                    var builder = WebApplication.CreateBuilder(args);
                    builder.Services.AddControllers();
                    var app = {|AG0601:builder.Build()|};
                    app.UseRouting();
                    app.MapControllers();
                    app.Run();
                }
            }
            """, """
            using System.Threading.RateLimiting;

            public static class Program
            {
                public static void Main(string[] args)
                {
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
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.MapControllers();
                    app.Run();
                }
            }
            """);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_Startup_ExpressionBodiedConfigureServices_BecomesBlock()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddControllers();

                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
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
                    app.UseRateLimiter();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """);

    [Fact]
    public Task Fix_Startup_EmptyConfigureServices()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                }

                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """, """
            using System.Threading.RateLimiting;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
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
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """);

    [Fact]
    public Task NoFix_WebApplicationCreateWithoutBuilder()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = {|AG0601:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var app = {|AG0601:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task NoFix_StartupWithoutConfigureServices()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """, """
            public class Startup
            {
                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """);

    [Fact]
    public Task NoFix_LimiterOnlyInDevelopment()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            if (app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0601:builder.Build()|};
            if (app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task FixAll_TwoStartupClasses_FixesBothWithOneUsing()
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
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            public class AdminStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                }

                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/admin", () => "admin"));
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
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            public class AdminStartup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
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
                    app.UseEndpoints(endpoints => endpoints.MapGet("/admin", () => "admin"));
                }
            }
            """);

    [Fact]
    public Task Fix_WithoutImplicitUsings_QualifiesFrameworkTypes()
    {
        var test = VerifyCS.Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            namespace Contoso.Admin;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                }

                public void {|AG0601:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """, """
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            namespace Contoso.Admin;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddRouting();
                    services.AddRateLimiter(options =>
                    {
                        options.RejectionStatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status429TooManyRequests;
                        options.GlobalLimiter = PartitionedRateLimiter.Create<Microsoft.AspNetCore.Http.HttpContext, string>(context =>
                            RateLimitPartition.GetFixedWindowLimiter(
                                context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                                _ => new FixedWindowRateLimiterOptions { PermitLimit = 100, Window = System.TimeSpan.FromSeconds(60) }));
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseRateLimiter();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """);
        test.ImplicitUsings = false;
        return test.RunAsync();
    }
}
