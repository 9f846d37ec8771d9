using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.ExceptionDetailsInResponseAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.ExceptionDetailsInResponseCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0402ExceptionDetailsInResponseTests
{
    [Fact]
    public Task MinimalApi_CatchBlockResults_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/orders", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    return Results.Problem({|#0:ex.Message|});
                }
            });
            app.MapGet("/items", IResult () =>
            {
                try
                {
                    return TypedResults.Ok();
                }
                catch (InvalidOperationException ex)
                {
                    return TypedResults.BadRequest(new { error = {|#1:ex.ToString()|}, trace = {|#2:ex.StackTrace|} });
                }
            });
            app.Run();
            """,
            VerifyCS.Diagnostic("AG0402").WithLocation(0).WithArguments("ex.Message"),
            VerifyCS.Diagnostic("AG0402").WithLocation(1).WithArguments("ex.ToString()"),
            VerifyCS.Diagnostic("AG0402").WithLocation(2).WithArguments("ex.StackTrace"));

    [Fact]
    public Task Controller_CatchBlockHelpers_Report()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public IActionResult Get()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return StatusCode(500, "Failed: " + {|AG0402:ex.Message|});
                    }
                }

                [HttpPost]
                public IActionResult Post()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        var detail = ex.InnerException?.Message;
                        return Problem({|AG0402:detail|});
                    }
                }

                [HttpPut]
                public IActionResult Put()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return new ObjectResult(new ProblemDetails { Title = "Failed", Detail = {|AG0402:ex.Source|} }) { StatusCode = 500 };
                    }
                }

                [HttpDelete]
                public IActionResult Delete()
                {
                    try
                    {
                        return Ok();
                    }
                    catch (Exception ex)
                    {
                        return Content($"Failed: {{|AG0402:ex|}}");
                    }
                }
            }
            """);

    [Fact]
    public Task ExceptionHandlerLambda_FeatureError_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Diagnostics;

            var app = WebApplication.Create(args);
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var error = context.Features.Get<IExceptionHandlerPathFeature>()!.Error;
                await context.Response.WriteAsync({|AG0402:error.ToString()|});
            }));
            app.UseExceptionHandler(errorApp => errorApp.Run(async context =>
            {
                var feature = context.Features.Get<IExceptionHandlerFeature>();
                await context.Response.WriteAsJsonAsync(new { message = {|AG0402:feature?.Error.Message|} });
            }));
            app.Run();
            """);

    [Fact]
    public Task ExceptionHandlerClass_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Diagnostics;
            using Microsoft.AspNetCore.Mvc;

            public sealed class DetailedHandler : IExceptionHandler
            {
                public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
                {
                    await httpContext.Response.WriteAsJsonAsync(new ProblemDetails { Status = 500, Detail = {|AG0402:exception.Message|} }, cancellationToken);
                    return true;
                }
            }
            """);

    [Fact]
    public Task ExceptionFilter_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class DetailedFilter : IExceptionFilter
            {
                public void OnException(ExceptionContext context)
                {
                    context.Result = new BadRequestObjectResult({|AG0402:context.Exception.StackTrace|});
                }
            }
            """);

    [Fact]
    public Task InvertedGuard_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    return Results.Problem(!app.Environment.IsDevelopment() ? {|AG0402:ex.ToString()|} : null);
                }
            });
            app.Run();
            """);

    [Fact]
    public Task MinimalApi_AspNetCore10_Reports()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return Results.Problem({|AG0402:ex.Message|}); }
            });
            app.Run();
            """,
            AspNetCoreVersion.Net100);

    [Fact]
    public Task MinimalApi_TestProjectWithOption_Reports()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return Results.Problem({|AG0402:ex.Message|}); }
            });
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\napiguard.general.analyze_test_projects = true\n"));
        return test.RunAsync();
    }
}
