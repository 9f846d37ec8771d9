using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ApiGuard.Tests.AppModel;

/// <summary>Table-driven tests of <see cref="EnvironmentValue"/>: the value of <c>Setting(…)</c>'s argument outside Development.</summary>
public class EnvironmentValueTests
{
    [Theory]
    [InlineData("Setting(false);", "False")]
    [InlineData("Setting(true);", "True")]
    [InlineData("Setting(Off);", "False")]
    [InlineData("Setting(!Off);", "True")]
    [InlineData("Setting(env.IsDevelopment());", "False")]
    [InlineData("Setting(!env.IsDevelopment());", "True")]
    [InlineData("Setting(env.IsProduction());", "None")]
    [InlineData("Setting(env.IsDevelopment() == false);", "True")]
    [InlineData("Setting(app.Environment.IsDevelopment());", "False")]
    [InlineData("var isDev = env.IsDevelopment(); Setting(isDev);", "False")]
    [InlineData("var secure = !env.IsDevelopment(); Setting(secure);", "True")]
    [InlineData("var flag = false; Setting(flag);", "False")]
    [InlineData("var flag = false; flag = args.Length > 0; Setting(flag);", "None")]
    [InlineData("Setting(args.Length > 0);", "None")]
    [InlineData("Setting(builder.Configuration.GetValue<bool>(\"Secure\"));", "None")]
    [InlineData("Setting(env.IsDevelopment() ? false : true);", "True")]
    [InlineData("Setting(env.IsDevelopment() ? true : false);", "False")]
    [InlineData("Setting(args.Length > 0 ? false : false);", "False")]
    [InlineData("Setting(args.Length > 0 ? false : true);", "None")]
    [InlineData("Setting(EnvironmentRules.IsLocal(env));", "None")]
    public void OutsideDevelopment_Booleans(string body, string expected)
        => Assert.Equal(expected, Evaluate(body));

    [Theory]
    [InlineData("Policy(CookieSecurePolicy.None);", "2")]
    [InlineData("Policy(CookieSecurePolicy.Always);", "1")]
    [InlineData("Policy(env.IsDevelopment() ? CookieSecurePolicy.None : CookieSecurePolicy.Always);", "1")]
    [InlineData("Policy(!env.IsDevelopment() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest);", "1")]
    [InlineData("Policy(env.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.None);", "None")]
    [InlineData("Policy(Default);", "0")]
    public void OutsideDevelopment_Enums(string body, string expected)
        => Assert.Equal(expected, Evaluate(body));

    private static string Evaluate(string body)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Http;

            var builder = WebApplication.CreateBuilder(args);
            var env = builder.Environment;
            var app = builder.Build();
            {{body}}

            static void Setting(bool value) { }

            static void Policy(CookieSecurePolicy value) { }

            static class EnvironmentRules
            {
                public static bool IsLocal(IHostEnvironment env) => env.EnvironmentName == "Local";
            }

            partial class Program
            {
                const bool Off = false;
                const CookieSecurePolicy Default = CookieSecurePolicy.SameAsRequest;
            }
            """;
        var compilation = AnalyzerRunner.Compile(new[] { ("/Program.cs", source) }, AspNetCoreVersion.Net80);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

        var tree = compilation.SyntaxTrees.First();
        var model = compilation.GetSemanticModel(tree);
        var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Single(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: "Setting" or "Policy" });
        var argument = model.GetOperation(call.ArgumentList.Arguments[0].Expression)!;
        var value = EnvironmentValue.OutsideDevelopment(argument, KnownTypes.GetOrCreate(compilation));
        return value.HasValue ? Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null" : "None";
    }
}
