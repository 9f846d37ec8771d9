using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Rules.Auth;

/// <summary>
/// Fixes AG0303 by replacing the always-true <c>RequireAssertion(…)</c> with <c>RequireAuthenticatedUser()</c>, keeping the rest of
/// the chain: the policy then admits signed-in users only.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthorizationPolicyAdmitsEveryoneCodeFixProvider))]
[Shared]
public sealed class AuthorizationPolicyAdmitsEveryoneCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AuthorizationPolicyAdmitsEveryone);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is SimpleNameSyntax name
                && name.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } member
                && member.Name == name)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Require an authenticated user", ct => FixAsync(context.Document, invocation, ct), RuleIds.AuthorizationPolicyAdmitsEveryone + ".RequireAuthenticatedUser"),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || invocation.Expression is not MemberAccessExpressionSyntax member)
        {
            return document;
        }

        var replacement = invocation
            .WithExpression(member.WithName(SyntaxFactory.IdentifierName("RequireAuthenticatedUser").WithTriviaFrom(member.Name)))
            .WithArgumentList(SyntaxFactory.ArgumentList().WithTriviaFrom(invocation.ArgumentList));
        return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
    }
}
