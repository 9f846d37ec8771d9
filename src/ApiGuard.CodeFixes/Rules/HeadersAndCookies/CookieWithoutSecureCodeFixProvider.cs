using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.HeadersAndCookies;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Rules.HeadersAndCookies;

/// <summary>Fixes AG0702 by setting the cookie's value to <c>true</c> (<c>CookieOptions.Secure</c>) or <c>CookieSecurePolicy.Always</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CookieWithoutSecureCodeFixProvider))]
[Shared]
public sealed class CookieWithoutSecureCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CookieWithoutSecure);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null
                || !diagnostic.Properties.TryGetValue(CookieWithoutSecureAnalyzer.KindProperty, out var kind)
                || CookieSyntax.FindAssignment(root, diagnostic.Location) is not { } assignment)
            {
                continue;
            }

            var policy = kind == CookieWithoutSecureAnalyzer.PolicyKind;
            context.RegisterCodeFix(
                CodeAction.Create(
                    policy ? "Use CookieSecurePolicy.Always" : "Set Secure = true",
                    ct => CookieSyntax.ReplaceValueAsync(context.Document, assignment, policy ? CookieSyntax.SecurePolicyAlways() : CookieSyntax.True(), ct),
                    RuleIds.CookieWithoutSecure + ".SetSecure"),
                diagnostic);
        }
    }
}
