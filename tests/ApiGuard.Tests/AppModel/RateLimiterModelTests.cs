using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>What the rate-limiting rules read from an app: the two halves, the limiters and policies, third-party limiters, and what stays opaque.</summary>
public class RateLimiterModelTests
{
    [Fact]
    public void TopLevel_HalvesGlobalLimiterAndPolicies()
    {
        var (model, _) = Model("""
            using System.Threading.RateLimiting;
            using Microsoft.AspNetCore.RateLimiting;

            const string Reports = "reports";
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(options =>
            {
                options.RejectionStatusCode = 429;
                options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(c => RateLimitPartition.GetNoLimiter("all"));
                options.AddFixedWindowLimiter("api", w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); });
                options.AddSlidingWindowLimiter(Reports, w => { w.PermitLimit = 10; w.Window = TimeSpan.FromSeconds(1); w.SegmentsPerWindow = 2; });
                options.AddTokenBucketLimiter("bucket", b => { b.TokenLimit = 10; b.TokensPerPeriod = 1; b.ReplenishmentPeriod = TimeSpan.FromSeconds(1); });
                options.AddConcurrencyLimiter("uploads", c => c.PermitLimit = 2);
                options.AddPolicy("per-user", context => RateLimitPartition.GetNoLimiter(context.User.Identity?.Name ?? ""));
            });
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseRateLimiter();
            }

            app.Run();
            """);

        Assert.Single(model.AddRateLimiter);
        Assert.Equal(GuardKind.NonDevelopmentOnly, Assert.Single(model.UseRateLimiter).Guard);
        Assert.Single(model.GlobalLimiters);
        Assert.Single(model.RejectionStatusCodes);
        Assert.Equal(new[] { "api", "reports", "bucket", "uploads", "per-user" }, model.Policies.Select(p => p.Name));
        Assert.Empty(model.OpaqueConfigurations);
        Assert.Empty(model.ThirdPartyLimiters);
    }

    [Fact]
    public void ConfigureRateLimiterOptions_PoliciesCount()
    {
        var (model, _) = Model("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(_ => { });
            builder.Services.Configure<RateLimiterOptions>(o => o.AddConcurrencyLimiter("uploads", c => c.PermitLimit = 2));
            builder.Services.AddOptions<RateLimiterOptions>().Configure(o => o.AddConcurrencyLimiter("exports", c => c.PermitLimit = 1));
            var app = builder.Build();
            app.Run();
            """);

        Assert.Equal(new[] { "uploads", "exports" }, model.Policies.Select(p => p.Name));
        Assert.Empty(model.OpaqueConfigurations);
    }

    [Fact]
    public void PolicyNameNotConstant_IsNull()
    {
        var (model, _) = Model("""
            using Microsoft.AspNetCore.RateLimiting;

            var builder = WebApplication.CreateBuilder(args);
            var name = builder.Configuration["RateLimiting:Policy"] ?? "api";
            builder.Services.AddRateLimiter(o => o.AddConcurrencyLimiter(name, c => c.PermitLimit = 2));
            builder.Build().Run();
            """);

        Assert.Null(Assert.Single(model.Policies).Name);
    }

    [Fact]
    public void OptionsConfiguredOutOfSight_AreOpaque()
    {
        var (model, _) = Model("""
            using Microsoft.AspNetCore.RateLimiting;
            using Microsoft.Extensions.Options;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRateLimiter(Limits.Configure);
            builder.Services.AddRateLimiter(o => o.AddApiPolicies());
            builder.Services.ConfigureOptions<LimitsSetup>();
            builder.Build().Run();

            static class Limits
            {
                public static void Configure(RateLimiterOptions options) { }

                public static void AddApiPolicies(this RateLimiterOptions options) { }
            }

            sealed class LimitsSetup : IConfigureOptions<RateLimiterOptions>
            {
                public void Configure(RateLimiterOptions options) { }
            }
            """);

        Assert.Equal(2, model.AddRateLimiter.Length);
        Assert.Equal(new[] { "AddRateLimiter", "AddApiPolicies", "ConfigureOptions" }, model.OpaqueConfigurations.Select(s => s.Member.Name));
        Assert.Null(RateLimiterModel.OptionsLambda(model.AddRateLimiter[0]));
        Assert.NotNull(RateLimiterModel.OptionsLambda(model.AddRateLimiter[1]));
    }

    [Theory]
    [InlineData("MiddlewareExtensions")]
    [InlineData("StartupExtensions")]
    [InlineData("RateLimitExtensions")]
    public void AspNetCoreRateLimit_IsAThirdPartyLimiter(string extensionsClass)
    {
        var (model, types) = Model(
            """
            using AspNetCoreRateLimit;

            var app = WebApplication.Create(args);
            app.UseIpRateLimiting();
            app.UseClientRateLimiting();
            app.Run();
            """,
            StandIns.AspNetCoreRateLimit(extensionsClass));

        Assert.Equal(new[] { "UseIpRateLimiting", "UseClientRateLimiting" }, model.ThirdPartyLimiters.Select(s => s.Member.Name));
        Assert.NotNull(types.Get((KnownType)Enum.Parse(typeof(KnownType), "AspNetCoreRateLimit_" + extensionsClass)));
    }

    [Fact]
    public void LookAlikeThirdPartyNames_AreNotLimiters()
    {
        var (model, _) = Model("""
            using Contoso;

            var app = WebApplication.Create(args);
            app.UseIpRateLimiting();
            app.Run();

            namespace Contoso
            {
                public static class MiddlewareExtensions
                {
                    public static IApplicationBuilder UseIpRateLimiting(this IApplicationBuilder app) => app;
                }
            }
            """);

        Assert.Empty(model.ThirdPartyLimiters);
    }

    private static (RateLimiterModel Model, KnownTypes Types) Model(string program, MetadataReference? reference = null)
    {
        Compilation compilation = AnalyzerRunner.Compile(new[] { ("/Program.cs", program) }, AspNetCoreVersion.Net80);
        if (reference is not null)
        {
            compilation = compilation.AddReferences(reference);
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        var types = KnownTypes.GetOrCreate(compilation);
        var app = Assert.Single(AppModelProvider.GetOrCreate(compilation).GetApps(CancellationToken.None));
        return (RateLimiterModel.Create(app, types), types);
    }
}
