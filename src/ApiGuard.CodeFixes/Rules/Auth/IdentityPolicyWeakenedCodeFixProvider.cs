using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.Auth;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Rules.Auth;

/// <summary>
/// Fixes AG0305 by replacing the reported value with the safe one the analyzer put in the diagnostic: the configured minimum
/// password length or maximum of failed attempts (<c>apiguard.authorization.*</c>), or <c>true</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IdentityPolicyWeakenedCodeFixProvider))]
[Shared]
public sealed class IdentityPolicyWeakenedCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IdentityPolicyWeakened);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(IdentityPolicyWeakenedAnalyzer.ReplacementProperty, out var replacement)
                && replacement is not null
                && root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use {replacement}", ct => FixAsync(context.Document, value, replacement, ct), RuleIds.IdentityPolicyWeakened + ".SafeValue"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax value, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        return root is null
            ? document
            : document.WithSyntaxRoot(root.ReplaceNode(value, SyntaxFactory.ParseExpression(replacement).WithTriviaFrom(value)));
    }
}
