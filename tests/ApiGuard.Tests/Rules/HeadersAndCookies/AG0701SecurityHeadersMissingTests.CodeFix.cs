using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.HeadersAndCookies.SecurityHeadersMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.HeadersAndCookies.SecurityHeadersMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.HeadersAndCookies;

public partial class AG0701SecurityHeadersMissingTests
{
    private const string Middleware = """
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            await next(context);
        });
        """;

    [Theory]
    [InlineData(AspNetCoreVersion.Net80)]
    [InlineData(AspNetCoreVersion.Net100)]
    public Task Fix_TopLevel_InsertsMiddlewareAfterExceptionHandlerAndHsts(AspNetCoreVersion version)
    {
        var test = VerifyCS.Create("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0701:builder.Build()|};
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/error");
                app.UseHsts();
            }
            """ + "\n" + Middleware + "\n" + """

            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """, version);
        return test.RunAsync();
    }

    [Fact]
    public Task Fix_TopLevelWithoutMiddleware_InsertsBeforeFirstEndpoint()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = {|AG0701:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            """ + "\n" + Middleware + "\n" + """
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_Startup_InsertsAtStartOfConfigure()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0701:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.Use(async (context, next) =>
                    {
                        context.Response.Headers.XContentTypeOptions = "nosniff";
                        context.Response.Headers.XFrameOptions = "DENY";
                        context.Response.Headers["Referrer-Policy"] = "no-referrer";
                        context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                        await next(context);
                    });
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapGet("/", () => "hi"));
                }
            }
            """);

    private const string FixedAdminStartup = """
        public class AdminStartup
        {
            public void Configure(IApplicationBuilder app)
            {
                app.Use(async (context, next) =>
                {
                    context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Response.Headers.XFrameOptions = "DENY";
                    context.Response.Headers["Referrer-Policy"] = "no-referrer";
                    context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                    await next(context);
                });
                app.UseRouting();
            }
        }
        """;

    [Fact]
    public Task FixAll_TwoApps_BothGetTheMiddleware()
    {
        var test = VerifyCS.Create("""
            var app = {|AG0701:WebApplication.Create(args)|};
            app.MapGet("/", () => "hi");
            app.Run();
            """);
        test.TestState.Sources.Add(("/0/AdminStartup.cs", """
            public class AdminStartup
            {
                public void {|AG0701:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                }
            }
            """));

        // One at a time, the first fix writes the headers for the whole compilation, so the other app's diagnostic goes away.
        test.FixedState.Sources.Add(("/0/Test0.cs", """
            var app = WebApplication.Create(args);
            app.MapGet("/", () => "hi");
            app.Run();
            """));
        test.FixedState.Sources.Add(("/0/AdminStartup.cs", FixedAdminStartup));

        // Fix All fixes every app reported before it ran.
        test.BatchFixedState.Sources.Add(("/0/Test0.cs", """
            var app = WebApplication.Create(args);
            """ + "\n" + Middleware + "\n" + """
            app.MapGet("/", () => "hi");
            app.Run();
            """));
        test.BatchFixedState.Sources.Add(("/0/AdminStartup.cs", FixedAdminStartup));

        // Fix All in one document fixes only that document's app; the project and solution scopes fix both.
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
        return test.RunAsync();
    }
}
