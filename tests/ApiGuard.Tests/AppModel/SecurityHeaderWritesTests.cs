using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Tests.Infrastructure;
using ApiGuard.Tests.Rules.HeadersAndCookies;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>The app model's "which security headers does any code write" fact (<see cref="AppModelProvider.SecurityHeadersWritten"/>).</summary>
public class SecurityHeaderWritesTests
{
    /// <summary>Expected flags: 1 X-Content-Type-Options, 2 frame protection, 4 Content-Security-Policy.</summary>
    [Theory]
    [InlineData("""context.Response.Headers["X-Content-Type-Options"] = "nosniff";""", 1)]
    [InlineData("""context.Response.Headers["x-frame-options"] = "DENY";""", 2)]
    [InlineData("""context.Response.Headers.Append("Content-Security-Policy", "default-src 'self'");""", 4)]
    [InlineData("""context.Response.Headers.Append("Content-Security-Policy", "frame-ancestors 'none'");""", 6)]
    [InlineData("""context.Response.Headers.Add(Microsoft.Net.Http.Headers.HeaderNames.XFrameOptions, "DENY");""", 2)]
    [InlineData("""context.Response.Headers.TryAdd(Microsoft.Net.Http.Headers.HeaderNames.XContentTypeOptions, "nosniff");""", 1)]
    [InlineData("""context.Response.Headers.XContentTypeOptions = "nosniff";""", 1)]
    [InlineData("""context.Response.Headers.XFrameOptions = "DENY";""", 2)]
    [InlineData("""context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";""", 6)]
    [InlineData("""context.Response.Headers[Names.Sniff] = "nosniff";""", 1)]
    [InlineData("""context.Response.Headers[Names.Frame] = "DENY";""", 2)]
    [InlineData("""var v = context.Request.Headers["X-Frame-Options"];""", 0)]
    [InlineData("""var d = new Dictionary<string, string>(); d["X-Frame-Options"] = "DENY"; d.Add("X-Content-Type-Options", "nosniff");""", 0)]
    [InlineData("""context.Response.Headers["Referrer-Policy"] = "no-referrer";""", 0)]
    public void Middleware_Writes(string statement, int expected)
        => Assert.Equal((SecurityHeaders)expected, Written(("/Program.cs", $$"""
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                {{statement}}
                await next(context);
            });
            app.Run();

            static class Names
            {
                public static readonly string Sniff = "X-Content-Type-Options";
                public const string Frame = "X-Frame-Options";
            }
            """)));

    [Fact]
    public void FilterInAnotherFile_Counts()
        => Assert.Equal(
            SecurityHeaders.ContentSecurityPolicy,
            Written(
                ("/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n"),
                ("/CspFilter.cs", """
                    using Microsoft.AspNetCore.Mvc.Filters;

                    public sealed class CspFilter : ActionFilterAttribute
                    {
                        public override void OnResultExecuting(ResultExecutingContext context)
                            => context.HttpContext.Response.Headers.ContentSecurityPolicy = "default-src 'self'";
                    }
                    """)));

    [Fact]
    public void NetEscapades_UseSecurityHeaders_CountsAsAll()
        => Assert.Equal(
            SecurityHeaders.ContentTypeOptions | SecurityHeaders.FrameProtection | SecurityHeaders.ContentSecurityPolicy,
            Written(("/Program.cs", "var app = WebApplication.Create(args);\napp.UseSecurityHeaders();\napp.Run();\n"), ("/NetEscapades.cs", HeadersStandIns.NetEscapades)));

    [Fact]
    public void NWebsec_ByAssembly_Counts()
    {
        var compilation = AnalyzerRunner.Compile(
            new[] { ("/Program.cs", "var app = WebApplication.Create(args);\napp.UseXContentTypeOptions();\napp.UseXfo(o => o.Deny());\napp.Run();\n") },
            AspNetCoreVersion.Net80).AddReferences(HeadersStandIns.NWebsec);
        AssertNoErrors(compilation);
        Assert.Equal(SecurityHeaders.ContentTypeOptions | SecurityHeaders.FrameProtection, AppModelProvider.GetOrCreate(compilation).SecurityHeadersWritten(CancellationToken.None));
    }

    [Fact]
    public void UserMethodNamedUseXfo_DoesNotCount()
        => Assert.Equal(
            SecurityHeaders.None,
            Written(("/Program.cs", """
                var app = WebApplication.Create(args);
                app.UseXfo();
                app.Run();

                static class Mine
                {
                    public static IApplicationBuilder UseXfo(this IApplicationBuilder app) => app;
                }
                """)));

    [Fact]
    public void TreesWithoutMarkers_AreNeverBound()
    {
        var compilation = AnalyzerRunner.Compile(
            new[]
            {
                ("/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n"),
                ("/Other.cs", "public static class Other { public static int Answer() => 42; }\n"),
                ("/Headers.cs", "public static class Headers { public static void Set(HttpContext c) => c.Response.Headers.XFrameOptions = \"DENY\"; }\n"),
            },
            AspNetCoreVersion.Net80);
        AssertNoErrors(compilation);
        var bound = new List<string>();
        var found = SecurityHeaderWrites.Find(
            compilation,
            KnownTypes.GetOrCreate(compilation),
            tree =>
            {
                bound.Add(tree.FilePath);
                return compilation.GetSemanticModel(tree);
            },
            CancellationToken.None);
        Assert.Equal(SecurityHeaders.FrameProtection, found);
        Assert.Equal(new[] { "/Headers.cs" }, bound);
    }

    [Fact]
    public void ComputedOncePerCompilation()
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Program.cs", "var app = WebApplication.Create(args);\napp.Run();\n") }, AspNetCoreVersion.Net80);
        var provider = AppModelProvider.GetOrCreate(compilation);
        Assert.Equal(SecurityHeaders.None, provider.SecurityHeadersWritten(CancellationToken.None));
        Assert.Equal(SecurityHeaders.None, provider.SecurityHeadersWritten(CancellationToken.None));
    }

    private static SecurityHeaders Written(params (string Path, string Text)[] sources)
    {
        var compilation = AnalyzerRunner.Compile(sources, AspNetCoreVersion.Net80);
        AssertNoErrors(compilation);
        return AppModelProvider.GetOrCreate(compilation).SecurityHeadersWritten(CancellationToken.None);
    }

    private static void AssertNoErrors(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
