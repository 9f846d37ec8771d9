using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.DetailedErrorsInProductionAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.DetailedErrorsInProductionCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0403DetailedErrorsInProductionTests
{
    private static Task VerifyFixAsync(string source, string fixedSource, string? batchFixedSource = null)
    {
        var test = VerifyCS.Create(source, fixedSource).WithPackages(Packages);
        if (batchFixedSource is not null)
        {
            test.BatchFixedCode = batchFixedSource;
        }

        return test.RunAsync();
    }

    [Fact]
    public Task Fix_TopLevelAddDbContext_PassesEnvironmentCheck()
        => VerifyFixAsync("""
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options
                .UseSqlServer("Server=db")
                .{|AG0403:EnableSensitiveDataLogging()|}
                .{|AG0403:EnableDetailedErrors(true)|});
            var app = builder.Build();
            app.Run();
            """ + DbContext, """
            using Microsoft.EntityFrameworkCore;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddDbContext<AppDbContext>(options => options
                .UseSqlServer("Server=db")
                .EnableSensitiveDataLogging(builder.Environment.IsDevelopment())
                .EnableDetailedErrors(builder.Environment.IsDevelopment()));
            var app = builder.Build();
            app.Run();
            """ + DbContext);

    [Fact]
    public Task Fix_TopLevelAssignments_UseEnvironmentCheckAsValue()
        => VerifyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                {|AG0403:options.IncludeErrorDetails = true|};
            });
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.Authority = "https://login.example.com";
                options.IncludeErrorDetails = builder.Environment.IsDevelopment();
            });
            var app = builder.Build();
            app.Run();
            """);

    [Fact]
    public Task Fix_StartupWithInjectedEnvironment_UsesIt()
        => VerifyFixAsync("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                private readonly IWebHostEnvironment _environment;

                public Startup(IWebHostEnvironment environment) => _environment = environment;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.{|AG0403:EnableSensitiveDataLogging()|});
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """ + DbContext, """
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                private readonly IWebHostEnvironment _environment;

                public Startup(IWebHostEnvironment environment) => _environment = environment;

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.EnableSensitiveDataLogging(_environment.IsDevelopment()));
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """ + DbContext);

    [Fact]
    public Task Fix_StartupWithoutEnvironment_RemovesSettings()
        => VerifyFixAsync("""
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer("Server=db").{|AG0403:EnableSensitiveDataLogging()|});
                    services.AddDbContext<AppDbContext>(options => options.{|AG0403:EnableDetailedErrors()|});
                    services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
                    services.AddServerSideBlazor(options =>
                    {
                        {|AG0403:options.DetailedErrors = true|};
                        options.DisconnectedCircuitMaxRetained = 10;
                    });
                    services.AddSingleton(new Microsoft.AspNetCore.SignalR.HubOptions { {|AG0403:EnableDetailedErrors = true|}, MaximumParallelInvocationsPerClient = 2 });
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """ + DbContext, """
            using Microsoft.EntityFrameworkCore;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddDbContext<AppDbContext>(options => options.UseSqlServer("Server=db"));
                    services.AddDbContext<AppDbContext>(options => { });
                    services.AddSignalR(options => { });
                    services.AddServerSideBlazor(options =>
                    {
                        options.DisconnectedCircuitMaxRetained = 10;
                    });
                    services.AddSingleton(new Microsoft.AspNetCore.SignalR.HubOptions { MaximumParallelInvocationsPerClient = 2 });
                }

                public void Configure(IApplicationBuilder app) => app.UseRouting();
            }
            """ + DbContext);

    [Fact]
    public Task Fix_HelperWithEnvironmentParameter_UsesIt()
        => VerifyFixAsync("""
            using Microsoft.EntityFrameworkCore;

            public static class Data
            {
                public static void Configure(DbContextOptionsBuilder options, IHostEnvironment environment)
                {
                    options.{|AG0403:EnableSensitiveDataLogging()|};
                }
            }
            """, """
            using Microsoft.EntityFrameworkCore;

            public static class Data
            {
                public static void Configure(DbContextOptionsBuilder options, IHostEnvironment environment)
                {
                    options.EnableSensitiveDataLogging(environment.IsDevelopment());
                }
            }
            """);

    [Fact]
    public Task Fix_WithoutHostingUsing_AddsIt()
    {
        var test = VerifyCS.Create("""
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;

            public static class Realtime
            {
                public static void Add(WebApplicationBuilder builder)
                {
                    builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
                }
            }
            """, """
            using Microsoft.AspNetCore.Builder;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Hosting;

            public static class Realtime
            {
                public static void Add(WebApplicationBuilder builder)
                {
                    builder.Services.AddSignalR(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());
                }
            }
            """);
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_SeveralSettings_FixesEach()
        => VerifyFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => {|AG0403:options.EnableDetailedErrors = true|});
            builder.Services.AddServerSideBlazor(options => {|AG0403:options.DetailedErrors = true|});
            builder.Services.AddGrpc(options => {|AG0403:options.EnableDetailedErrors = true|});
            var app = builder.Build();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddSignalR(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());
            builder.Services.AddServerSideBlazor(options => options.DetailedErrors = builder.Environment.IsDevelopment());
            builder.Services.AddGrpc(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());
            var app = builder.Build();
            app.Run();
            """);
}
