using System.Composition;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.HeadersAndCookies;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ApiGuard.CodeFixes.Rules.HeadersAndCookies;

/// <summary>
/// Fixes AG0704 by adding <c>Secure = true</c> (<c>CookieOptions</c>) or <c>SecurePolicy = CookieSecurePolicy.Always</c>
/// (<c>CookieBuilder</c>) next to the <c>SameSite</c> setting: as the next member of the object initializer, or as the next statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SameSiteNoneWithoutSecureCodeFixProvider))]
[Shared]
public sealed class SameSiteNoneWithoutSecureCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SameSiteNoneWithoutSecure);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null
                || !diagnostic.Properties.TryGetValue(SameSiteNoneWithoutSecureAnalyzer.MemberProperty, out var member)
                || member is null
                || CookieSyntax.FindAssignment(root, diagnostic.Location) is not { } assignment)
            {
                continue;
            }

            var value = member == SameSiteNoneWithoutSecureAnalyzer.SecurePolicyMember ? CookieSyntax.SecurePolicyAlways() : CookieSyntax.True();
            if (CookieSyntax.AddSibling(root, assignment, member, value) is not { } newRoot)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    member == SameSiteNoneWithoutSecureAnalyzer.SecurePolicyMember ? "Add SecurePolicy = CookieSecurePolicy.Always" : "Add Secure = true",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)),
                    RuleIds.SameSiteNoneWithoutSecure + ".AddSecure"),
                diagnostic);
        }
    }
}
