using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>Table-driven tests of <see cref="EnvironmentGuard"/>: which environments the call to <c>Target()</c> runs in.</summary>
public class EnvironmentGuardTests
{
    [Theory]
    [InlineData("Target();", "Always")]
    [InlineData("if (args.Length > 0) Target();", "Always")]
    [InlineData("if (env.IsDevelopment()) Target();", "DevelopmentOnly")]
    [InlineData("if (!env.IsDevelopment()) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsDevelopment()) { } else { Target(); }", "NonDevelopmentOnly")]
    [InlineData("if (!env.IsDevelopment()) { } else { Target(); }", "DevelopmentOnly")]
    [InlineData("if (env.IsProduction()) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsStaging()) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsEnvironment(\"Development\")) Target();", "DevelopmentOnly")]
    [InlineData("if (env.IsEnvironment(\"development\")) Target();", "DevelopmentOnly")]
    [InlineData("if (env.IsEnvironment(\"Production\")) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsEnvironment(Environments.Development)) Target();", "DevelopmentOnly")]
    [InlineData("if (env.EnvironmentName == \"Development\") Target();", "DevelopmentOnly")]
    [InlineData("if (env.EnvironmentName != Environments.Development) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsDevelopment() == false) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsDevelopment() && args.Length > 0) Target();", "DevelopmentOnly")]
    [InlineData("if (env.IsDevelopment() || args.Length > 0) Target();", "Always")]
    [InlineData("if (!env.IsDevelopment() && args.Length > 0) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsDevelopment() || env.IsStaging()) { } else { Target(); }", "NonDevelopmentOnly")]
    [InlineData("if (env.IsProduction() || env.IsStaging()) Target();", "NonDevelopmentOnly")]
    [InlineData("if (env.IsDevelopment()) return; Target();", "NonDevelopmentOnly")]
    [InlineData("if (!env.IsDevelopment()) { return; } Target();", "DevelopmentOnly")]
    [InlineData("if (!env.IsDevelopment()) throw new InvalidOperationException(); Target();", "DevelopmentOnly")]
    [InlineData("if (args.Length == 0) return; Target();", "Always")]
    [InlineData("var isDev = env.IsDevelopment(); if (isDev) Target();", "DevelopmentOnly")]
    [InlineData("var isDev = env.IsDevelopment(); if (!isDev) Target();", "NonDevelopmentOnly")]
    [InlineData("var isDev = env.IsDevelopment(); isDev = args.Length > 0; if (isDev) Target();", "Unknown")]
    [InlineData("_ = env.IsDevelopment() ? Target() : 0;", "DevelopmentOnly")]
    [InlineData("_ = env.IsDevelopment() ? 0 : Target();", "NonDevelopmentOnly")]
    [InlineData("if (app.Environment.IsDevelopment()) Target();", "DevelopmentOnly")]
    [InlineData("builder.Services.AddCors(o => { if (env.IsDevelopment()) Target(); });", "DevelopmentOnly")]
    [InlineData("if (env.IsDevelopment()) builder.Services.AddCors(o => Target());", "DevelopmentOnly")]
    [InlineData("if (EnvironmentRules.IsLocal(env)) Target();", "Unknown")]
    [InlineData("if (Environment.GetEnvironmentVariable(\"ASPNETCORE_ENVIRONMENT\") == \"Development\") Target();", "Unknown")]
    [InlineData("if (env.ApplicationName == \"Api\") Target();", "Unknown")]
    [InlineData("if (EnvironmentRules.IsLocal(env)) { if (env.IsDevelopment()) Target(); }", "DevelopmentOnly")]
    public void Classify_TopLevelProgram(string body, string expected)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            var env = builder.Environment;
            var app = builder.Build();
            {{body}}

            static int Target() => 0;

            static class EnvironmentRules
            {
                public static bool IsLocal(IHostEnvironment env) => env.EnvironmentName == "Local";
            }
            """;
        Assert.Equal(expected, Classify(source).ToString());
    }

    [Theory]
    [InlineData("public void ConfigureDevelopment(IApplicationBuilder app) => Target();", "DevelopmentOnly")]
    [InlineData("public void ConfigureDevelopmentServices(IServiceCollection services) => Target();", "DevelopmentOnly")]
    [InlineData("public void ConfigureProductionServices(IServiceCollection services) => Target();", "NonDevelopmentOnly")]
    [InlineData("public void ConfigureServices(IServiceCollection services) => Target();", "Always")]
    [InlineData("public void ConfigureCors(IApplicationBuilder app) => Target();", "Always")]
    [InlineData("public void Configure(IApplicationBuilder app, IWebHostEnvironment env) { if (env.IsDevelopment()) Target(); }", "DevelopmentOnly")]
    public void Classify_StartupConventions(string member, string expected)
    {
        var source = $$"""
            public class Startup
            {
                {{member}}

                private static int Target() => 0;
            }
            """;
        Assert.Equal(expected, Classify(source).ToString());
    }

    [Fact]
    public void Classify_StartupDevelopmentClass_IsDevelopmentOnly()
    {
        const string Source = """
            public class StartupDevelopment
            {
                public void Configure(IApplicationBuilder app) => Target();

                private static int Target() => 0;
            }
            """;
        Assert.Equal(GuardKind.DevelopmentOnly, Classify(Source));
    }

    [Fact]
    public void Classify_LegacyHostingEnvironment_IsUnderstood()
    {
        const string Source = """
            #pragma warning disable CS0618 // IHostingEnvironment is obsolete; apps still use it.
            public class Startup
            {
                public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        Target();
                    }
                }

                private static int Target() => 0;
            }
            """;
        Assert.Equal(GuardKind.DevelopmentOnly, Classify(Source));
    }

    [Fact]
    public void Classify_GuardInCallerOfHelper_KnownLimitation()
    {
        // The guard lives at the helper's call site; following calls into helpers is the app model's job (pipeline issue).
        const string Source = """
            var builder = WebApplication.CreateBuilder(args);
            if (builder.Environment.IsDevelopment())
            {
                Helper();
            }

            static void Helper() => Target();

            static int Target() => 0;
            """;
        Assert.Equal(GuardKind.Always, Classify(Source));
    }

    private static GuardKind Classify(string source)
    {
        var compilation = AnalyzerRunner.Compile(new[] { ("/Program.cs", source) }, AspNetCoreVersion.Net80);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Target" });
        var operation = model.GetOperation(call);
        Assert.IsAssignableFrom<IInvocationOperation>(operation);
        return EnvironmentGuard.Classify(operation!, KnownTypes.GetOrCreate(compilation));
    }
}
