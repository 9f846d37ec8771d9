using ApiGuard.Tests.Infrastructure;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HttpsRedirectionMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HttpsRedirectionMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0102HttpsRedirectionMissingTests
{
    [Fact]
    public Task Fix_TopLevel_InsertsAfterHstsGuardBeforeRouting()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0102:builder.Build()|};
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseRouting();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.UseRouting();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_OnlyRun_InsertsBeforeRun()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = {|AG0102:WebApplication.Create(args)|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            app.UseHttpsRedirection();
            app.Run();
            """);

    [Fact]
    public Task Fix_Startup_InsertsBeforeRouting()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0102:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseHttpsRedirection();
                    app.UseRouting();
                    app.UseEndpoints(e => e.MapControllers());
                }
            }
            """);

    [Fact]
    public Task Fix_UseHttpsRedirectionOnlyInDevelopment_MovesItOut()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                {|AG0102:app.UseHttpsRedirection()|};
            }

            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task FixAll_TwoStartupClasses_FixesBoth()
        => VerifyCS.VerifyCodeFixAsync("""
            public class PublicStartup
            {
                public void {|AG0102:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                }
            }

            public class AdminStartup
            {
                public void {|AG0102:Configure|}(IApplicationBuilder app)
                {
                    app.UseAuthentication();
                }
            }
            """, """
            public class PublicStartup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseHttpsRedirection();
                    app.UseRouting();
                }
            }

            public class AdminStartup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseHttpsRedirection();
                    app.UseAuthentication();
                }
            }
            """);
}
