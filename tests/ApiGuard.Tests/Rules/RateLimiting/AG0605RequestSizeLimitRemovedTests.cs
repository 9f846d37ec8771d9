using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.RateLimiting.RequestSizeLimitRemovedAnalyzer,
    ApiGuard.CodeFixes.Rules.RateLimiting.RequestSizeLimitRemovedCodeFixProvider>;

namespace ApiGuard.Tests.Rules.RateLimiting;

public partial class AG0605RequestSizeLimitRemovedTests
{
    [Fact]
    public Task KestrelMaxRequestBodySizeNull_TopLevel_Reports()
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => {|#0:options.Limits.MaxRequestBodySize = null|});
            var app = builder.Build();
            app.Run();
            """);
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("AG0605").WithLocation(0).WithArguments("options.Limits.MaxRequestBodySize = null"));
        return test.RunAsync();
    }

    [Fact]
    public Task ServerOptionsAndFeature_Startup_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Http.Features;
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<KestrelServerOptions>(options => {|AG0605:options.Limits.MaxRequestBodySize = long.MaxValue|});
                    services.Configure<IISServerOptions>(options => {|AG0605:options.MaxRequestBodySize = null|});
                    services.Configure<FormOptions>(options =>
                    {
                        {|AG0605:options.MultipartBodyLengthLimit = long.MaxValue|};
                        {|AG0605:options.ValueLengthLimit = int.MaxValue|};
                        {|AG0605:options.MultipartHeadersLengthLimit = int.MaxValue|};
                    });
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.Use(async (context, next) =>
                    {
                        {|AG0605:context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null|};
                        await next(context);
                    });
                }
            }
            """);

    [Fact]
    public Task Attributes_OnControllerActionsAndLambda_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            var app = WebApplication.Create(args);
            app.MapPost("/upload", [{|AG0605:DisableRequestSizeLimit|}] (HttpRequest request) => Results.Ok());
            app.MapPost("/import", (HttpRequest request) => Results.Ok()).WithMetadata({|AG0605:new DisableRequestSizeLimitAttribute()|});
            app.MapPost("/archive", (HttpRequest request) => Results.Ok()).WithMetadata(new RequestSizeLimitAttribute({|AG0605:long.MaxValue|}));
            app.MapPost("/local", Handle);
            app.Run();

            [{|AG0605:DisableRequestSizeLimit|}]
            static IResult Handle(HttpRequest request) => Results.Ok();

            [{|AG0605:DisableRequestSizeLimit|}]
            public sealed class UploadsController : ControllerBase
            {
                [HttpPost("big"), RequestSizeLimit({|AG0605:long.MaxValue|})]
                [RequestFormLimits({|AG0605:MultipartBodyLengthLimit = long.MaxValue|}, ValueCountLimit = 2048)]
                public IActionResult Big(IFormFile file) => Ok();

                [HttpPost("fully"), {|AG0605:Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute|}]
                public IActionResult Fully() => Ok();
            }
            """);

    [Fact]
    public Task MaxRequestBodySizeFromConstantOrDevelopmentTernary_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Server.Kestrel.Core;

            var builder = WebApplication.CreateBuilder(args);
            const long Unlimited = long.MaxValue;
            builder.Services.Configure<KestrelServerOptions>(options => {|AG0605:options.Limits.MaxRequestBodySize = Unlimited|});
            builder.Services.Configure<IISServerOptions>(options => {|AG0605:options.MaxRequestBodySize = builder.Environment.IsDevelopment() ? 10_000_000 : null|});
            builder.Build().Run();
            """);

    [Fact]
    public Task KestrelMaxRequestBodySizeNull_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var builder = WebApplication.CreateBuilder(args);
            builder.WebHost.ConfigureKestrel(options => {|AG0605:options.Limits.MaxRequestBodySize = null|});
            builder.Build().Run();
            """, AspNetCoreVersion.Net100);
}
