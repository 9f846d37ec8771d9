using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RequestSizeLimitRemovedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RequestSizeLimitRemovedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0605RequestSizeLimitRemovedTests
{
    [Fact]
    public Task Fix_KestrelNull_DefaultLimit()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => {|AG0605:options.Limits.MaxRequestBodySize = null|});
            builder.Build().Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 30_000_000);
            builder.Build().Run();
            """);

    [Fact]
    public Task Fix_DisableAttributes_BecomeRequestSizeLimitWithOption()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;

            var app = WebApplication.Create(args);
            app.MapPost("/upload", [{|AG0605:DisableRequestSizeLimit|}] (HttpRequest request) => Results.Ok());
            app.MapPost("/import", (HttpRequest request) => Results.Ok()).WithMetadata({|AG0605:new DisableRequestSizeLimitAttribute()|});
            app.Run();

            public sealed class UploadsController : ControllerBase
            {
                [HttpPost, {|AG0605:Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute|}]
                public IActionResult Post() => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Mvc;

            var app = WebApplication.Create(args);
            app.MapPost("/upload", [RequestSizeLimit(5_000_000_000L)] (HttpRequest request) => Results.Ok());
            app.MapPost("/import", (HttpRequest request) => Results.Ok()).WithMetadata(new RequestSizeLimitAttribute(5_000_000_000L));
            app.Run();

            public sealed class UploadsController : ControllerBase
            {
                [HttpPost, Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(5_000_000_000L)]
                public IActionResult Post() => Ok();
            }
            """, editorConfig: "apiguard.rate_limiting.max_request_body_size = 5_000_000_000");

    [Fact]
    public Task FixAll_FormLimits_DefaultsAndOption()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<FormOptions>(options =>
            {
                {|AG0605:options.MultipartBodyLengthLimit = long.MaxValue|};
                {|AG0605:options.ValueLengthLimit = int.MaxValue|};
                {|AG0605:options.MultipartHeadersLengthLimit = int.MaxValue|};
            });
            builder.Build().Run();

            public sealed class UploadsController : ControllerBase
            {
                [HttpPost, RequestSizeLimit({|AG0605:long.MaxValue|}), RequestFormLimits({|AG0605:MultipartBodyLengthLimit = long.MaxValue|})]
                public IActionResult Post(IFormFile file) => Ok();
            }
            """, """
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Mvc;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.Configure<FormOptions>(options =>
            {
                options.MultipartBodyLengthLimit = 30_000_000;
                options.ValueLengthLimit = 4_194_304;
                options.MultipartHeadersLengthLimit = 16_384;
            });
            builder.Build().Run();

            public sealed class UploadsController : ControllerBase
            {
                [HttpPost, RequestSizeLimit(30_000_000), RequestFormLimits(MultipartBodyLengthLimit = 30_000_000)]
                public IActionResult Post(IFormFile file) => Ok();
            }
            """);
}
