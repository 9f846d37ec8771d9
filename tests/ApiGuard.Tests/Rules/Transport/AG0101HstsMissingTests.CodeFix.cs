using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = ApiGuard.Tests.Infrastructure.CSharpCodeFixVerifier<
    ApiGuard.Analyzers.Rules.Transport.HstsMissingAnalyzer,
    ApiGuard.CodeFixes.Rules.Transport.HstsMissingCodeFixProvider>;

namespace ApiGuard.Tests.Rules.Transport;

public partial class AG0101HstsMissingTests
{
    [Fact]
    public Task Fix_ExistingNonDevelopmentBlock_AddsUseHstsThere()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0101:builder.Build()|};
            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/Error");
            }

            app.UseHttpsRedirection();
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
            app.Run();
            """);

    [Fact]
    public Task Fix_DevelopmentBlockWithoutElse_AddsElse()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0101:builder.Build()|};
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }

            app.UseHttpsRedirection();
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            else
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.Run();
            """);

    [Fact]
    public Task Fix_ElseBranch_AddsUseHstsThere()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0101:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }
                    else
                    {
                        app.UseExceptionHandler("/Error");
                    }

                    app.UseRouting();
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
                    else
                    {
                        app.UseExceptionHandler("/Error");
                        app.UseHsts();
                    }

                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task Fix_NoGuard_InsertsGuardBeforeHttpsRedirection()
        => VerifyCS.VerifyCodeFixAsync("""
            var builder = WebApplication.CreateBuilder(args);
            var app = {|AG0101:builder.Build()|};
            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.UseHttpsRedirection();
            app.MapGet("/", () => "hi");
            app.Run();
            """);

    [Fact]
    public Task Fix_OnlyRun_InsertsGuardBeforeRun()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = {|AG0101:WebApplication.Create(args)|};
            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (!app.Environment.IsDevelopment())
            {
                app.UseHsts();
            }

            app.Run();
            """);

    [Fact]
    public Task Fix_StartupWithEnvironmentParameter_UsesIt()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0101:Configure|}(IApplicationBuilder app, IWebHostEnvironment environment)
                {
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment environment)
                {
                    if (!environment.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task Fix_StartupWithoutEnvironmentParameter_AddsIt()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0101:Configure|}(IApplicationBuilder app)
                {
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public Task Fix_UseHstsOnlyInDevelopment_MovesItToElse()
        => VerifyCS.VerifyCodeFixAsync("""
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
                {|AG0101:app.UseHsts()|};
            }

            app.Run();
            """, """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                app.UseDeveloperExceptionPage();
            }
            else
            {
                app.UseHsts();
            }

            app.Run();
            """);

    [Fact]
    public Task FixAll_TwoStartupClasses_FixesBoth()
        => VerifyCS.VerifyCodeFixAsync("""
            public class Startup
            {
                public void {|AG0101:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                }
            }

            public class AdminStartup
            {
                public void {|AG0101:Configure|}(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                }
            }
            """, """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseRouting();
                }
            }

            public class AdminStartup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (!env.IsDevelopment())
                    {
                        app.UseHsts();
                    }

                    app.UseRouting();
                }
            }
            """);

    [Fact]
    public async Task UseHstsChainedInDevelopment_OffersNoFixThatWouldDropOtherMiddleware()
    {
        // Moving `app.UseDeveloperExceptionPage().UseHsts();` would move the developer page too: the diagnostic carries no move.
        const string Source = """
            var app = WebApplication.Create(args);
            if (app.Environment.IsDevelopment())
            {
                {|AG0101:app.UseDeveloperExceptionPage().UseHsts()|};
            }

            app.Run();
            """;
        await VerifyCS.VerifyCodeFixAsync(Source, Source);
    }
}
