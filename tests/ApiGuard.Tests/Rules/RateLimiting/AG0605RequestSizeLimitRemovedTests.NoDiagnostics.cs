using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RequestSizeLimitRemovedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RequestSizeLimitRemovedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0605RequestSizeLimitRemovedTests
{
    [Fact]
    public Task ExplicitLimits_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 100_000_000);
            builder.Services.Configure<FormOptions>(options =>
            {
                options.MultipartBodyLengthLimit = 256L * 1024 * 1024;
                options.ValueLengthLimit = 8 * 1024 * 1024;
                options.ValueCountLimit = int.MaxValue;
            });
            var app = builder.Build();
            app.MapPost("/upload", [RequestSizeLimit(200_000_000)] (HttpRequest request) => Results.Ok());
            app.Run();

            public sealed class UploadsController : ControllerBase
            {
                [HttpPost, RequestFormLimits(MultipartBodyLengthLimit = 500_000_000, ValueLengthLimit = int.MaxValue - 1)]
                public IActionResult Post(IFormFile file) => Ok();
            }
            """);

    [Fact]
    public Task UnlimitedInsideIsDevelopment_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
            }

            builder.Services.Configure<IISServerOptions>(options => options.MaxRequestBodySize = builder.Environment.IsDevelopment() ? null : 50_000_000);
            builder.Build().Run();
            """);

    [Fact]
    public Task ValueFromConfigurationOrUnknownGuard_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Limits:MaxBody"));
            if (builder.Environment.EnvironmentName.StartsWith("Local"))
            {
                builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
            }

            builder.Build().Run();
            """);

    [Fact]
    public Task LookAlikeUserTypes_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/upload", [DisableRequestSizeLimit] (HttpRequest request) => Results.Ok());
            _ = new Limits { MaxRequestBodySize = null, MultipartBodyLengthLimit = long.MaxValue };
            app.Run();

            [AttributeUsage(AttributeTargets.All)]
            public sealed class DisableRequestSizeLimitAttribute : Attribute { }

            public sealed class Limits
            {
                public long? MaxRequestBodySize { get; set; }

                public long MultipartBodyLengthLimit { get; set; }
            }
            """);

    [Fact]
    public Task NotAnAspNetCoreProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            public sealed class Limits
            {
                public long? MaxRequestBodySize { get; set; }
            }

            public static class Program
            {
                public static void Main() => _ = new Limits { MaxRequestBodySize = null };
            }
            """);
        test.WithoutAspNetCore = true;
        test.ImplicitUsings = false;
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
            builder.Build().Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task AttributeUnderAlias_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            using NoLimit = Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute;

            var app = WebApplication.Create(args);
            app.MapPost("/upload", [NoLimit] (HttpRequest request) => Results.Ok());
            app.Run();
            """);

    [Fact]
    public Task HugeButFiniteLimit_KnownFalseNegative()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 100L * 1024 * 1024 * 1024);
            builder.Build().Run();
            """);
}
