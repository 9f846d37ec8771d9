using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ApiGuard.Tests.Infrastructure;

/// <summary>
/// Static entry points for rule tests (files alias it as <c>VerifyCS</c>). For anything beyond one source and one fix, create an
/// <see cref="ApiGuardTest{TAnalyzer, TCodeFix}"/> with <see cref="Create"/> and set its properties.
/// </summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
/// <typeparam name="TCodeFix">The fixer under test.</typeparam>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>
    /// The expected diagnostic. Additional locations are ignored: they carry what the fixer needs (the call to rewrite, the calls to
    /// narrow) and are checked through the fix tests.
    /// </summary>
    public static DiagnosticResult Diagnostic(string id)
        => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    public static ApiGuardTest<TAnalyzer, TCodeFix> Create(string source, string? fixedSource = null, AspNetCoreVersion version = AspNetCoreVersion.Net80)
    {
        var test = new ApiGuardTest<TAnalyzer, TCodeFix> { TestCode = source, Version = version };
        if (fixedSource is not null)
        {
            test.FixedCode = fixedSource;
        }

        return test;
    }

    /// <summary>Verifies the diagnostics in the markup of <paramref name="source"/> (and no others).</summary>
    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, AspNetCoreVersion.Net80, expected);

    public static Task VerifyAnalyzerAsync(string source, AspNetCoreVersion version, params DiagnosticResult[] expected)
    {
        var test = Create(source, version: version);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies the diagnostics with an <c>.editorconfig</c> body applied to every file.</summary>
    public static Task VerifyAnalyzerWithOptionsAsync(string source, string editorConfig, params DiagnosticResult[] expected)
    {
        var test = Create(source);
        test.EditorConfig = editorConfig;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Verifies the first code fix (or the one with <paramref name="equivalenceKey"/>) turns <paramref name="source"/> into <paramref name="fixedSource"/>, one at a time and with Fix All.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? equivalenceKey = null, string? editorConfig = null)
    {
        var test = Create(source, fixedSource);
        test.CodeActionEquivalenceKey = equivalenceKey;
        test.EditorConfig = editorConfig;
        return test.RunAsync();
    }
}

/// <summary>Analyzer-only entry points.</summary>
/// <typeparam name="TAnalyzer">The analyzer under test.</typeparam>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => CSharpCodeFixVerifier<TAnalyzer, EmptyCodeFixProvider>.VerifyAnalyzerAsync(source, expected);
}
