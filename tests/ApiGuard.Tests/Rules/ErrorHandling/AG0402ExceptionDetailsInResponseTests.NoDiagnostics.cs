using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.ErrorHandling.ExceptionDetailsInResponseAnalyzer,
    ApiGuard.CodeFixes.Rules.ErrorHandling.ExceptionDetailsInResponseCodeFixProvider>;

namespace ApiGuard.Tests.Rules.ErrorHandling;

public partial class AG0402ExceptionDetailsInResponseTests
{
    [Theory]
    [InlineData("logger.LogError(ex, ex.Message); return Results.Problem(\"Something went wrong.\");")]
    [InlineData("logger.LogError(ex, \"Failed: {Message}\", ex.Message); return Results.StatusCode(500);")]
    [InlineData("return Results.Problem(app.Environment.IsDevelopment() ? ex.ToString() : null);")]
    [InlineData("if (app.Environment.IsDevelopment()) { return Results.Problem(ex.ToString()); } return Results.Problem();")]
    [InlineData("return Results.Problem(ex.GetType().Name);")]
    [InlineData("return Results.Problem(ex.HResult.ToString());")]
    public Task CatchBlock_LoggedOrDevelopmentOnly_NoDiagnostic(string handler)
        => VerifyCS.VerifyAnalyzerAsync($$"""
            var app = WebApplication.Create(args);
            var logger = app.Logger;
            app.MapGet("/", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (Exception ex)
                {
                    {{handler}}
                }
            });
            app.Run();
            """);

    [Fact]
    public Task OwnExceptionTypeMessage_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapPost("/orders", () =>
            {
                try
                {
                    return Results.Ok();
                }
                catch (OrderValidationException ex)
                {
                    return Results.BadRequest(ex.Message);
                }
            });
            app.Run();

            public sealed class OrderValidationException(string message) : Exception(message);
            """);

    [Fact]
    public Task ExceptionNotBeingHandled_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                var notFound = new KeyNotFoundException("No such order.");
                return Results.NotFound(notFound.Message);
            });
            app.Run();
            """);

    [Fact]
    public Task DetailsWrittenToNonResponse_NoDiagnostic()
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
                    Console.Error.WriteLine(ex.ToString());
                    System.Diagnostics.Debug.WriteLine(ex.StackTrace);
                    return Results.Problem(new MyResponse().Describe(ex.Message));
                }
            });
            app.Run();

            public sealed class MyResponse
            {
                public string Describe(string text) => "Failed";
            }
            """);

    [Fact]
    public Task LookAlikeResultsType_NoDiagnostic()
        => VerifyCS.VerifyAnalyzerAsync("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try
                {
                    return "ok";
                }
                catch (Exception ex)
                {
                    return MyResults.Problem(ex.Message);
                }
            });
            app.Run();

            public static class MyResults
            {
                public static string Problem(string detail) => "Failed";
            }
            """);

    [Fact]
    public Task DetailPassedThroughHelperMethod_KnownFalseNegative()
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
                    return Errors.Describe(ex);
                }
            });
            app.Run();

            public static class Errors
            {
                public static IResult Describe(Exception exception) => Results.Problem(exception.Message);
            }
            """);

    [Fact]
    public Task MinimalApi_TestProject_NoDiagnostic()
    {
        var test = VerifyCS.Create("""
            var app = WebApplication.Create(args);
            app.MapGet("/", () =>
            {
                try { return Results.Ok(); }
                catch (Exception ex) { return Results.Problem(ex.Message); }
            });
            app.Run();
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }
}
