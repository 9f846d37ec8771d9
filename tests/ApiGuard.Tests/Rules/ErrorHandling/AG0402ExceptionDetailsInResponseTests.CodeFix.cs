using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.ExceptionDetailsInResponseAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.ExceptionDetailsInResponseCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0402ExceptionDetailsInResponseTests
{
    [Fact]
    public Task Fix_ControllerWithLogger_SendsTraceIdAndLogs()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                [HttpGet]
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return BadRequest({|AG0402:ex.Message|});
                    }
                }
            }
            """, """
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public class OrdersController : ControllerBase
            {
                private readonly ILogger<OrdersController> _logger;

                public OrdersController(ILogger<OrdersController> logger) => _logger = logger;

                [HttpGet]
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        _logger.LogError(ex, "Request failed");
                        return BadRequest("An error occurred. Trace id: " + HttpContext.TraceIdentifier);
                    }
                }
            }
            """);

    [Fact]
    public Task Fix_ExceptionHandlerLambda_UsesContextParameter()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            var app = WebApplication.Create(args);
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()!.Error;
                await context.Response.WriteAsync({|AG0402:error.Message|});
            }));
            app.Run();
            """, """
            using Microsoft.AspNetCore.Diagnostics;

            var app = WebApplication.Create(args);
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var error = context.Features.Get<IExceptionHandlerFeature>()!.Error;
                await context.Response.WriteAsync("An error occurred. Trace id: " + context.TraceIdentifier);
            }));
            app.Run();
            """);

    [Fact]
    public Task Fix_ExceptionHandlerClassWithInjectedLogger_LogsOnce()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class DetailedHandler(ILogger<DetailedHandler> logger) : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    await httpContext.Response.WriteAsJsonAsync(new { message = {|AG0402:exception.Message|}, stack = {|AG0402:exception.StackTrace|} }, cancellationToken);
                    return true;
                }
            }
            """, """
            using Microsoft.AspNetCore.Diagnostics;

            public sealed class DetailedHandler(ILogger<DetailedHandler> logger) : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    logger.LogError(exception, "Request failed");
                    await httpContext.Response.WriteAsJsonAsync(new { message = "An error occurred. Trace id: " + httpContext.TraceIdentifier, stack = "An error occurred. Trace id: " + httpContext.TraceIdentifier }, cancellationToken);
                    return true;
                }
            }
            """);

    [Fact]
    public Task Fix_NoHttpContextOrLogger_SendsGenericMessage()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    return Results.Problem($"Failed: {{|AG0402:ex|}}");
                }
            });
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    return Results.Problem($"Failed: {("An error occurred.")}");
                }
            });
            app.Run();
            """);

    [Fact]
    public Task Fix_ExceptionFilter_UsesFilterContext()
        => VerifyCS.VerifyCodeFixAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class DetailedFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = new BadRequestObjectResult({|AG0402:context.Exception.Message|});
                }
            }
            """, """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class DetailedFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = new BadRequestObjectResult("An error occurred. Trace id: " + context.HttpContext.TraceIdentifier);
                }
            }
            """);
}
