using System.Composition;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.HeadersAndCookies;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace ApiGuard.CodeFixes.Rules.HeadersAndCookies;

/// <summary>
/// Fixes AG0703: <c>HttpOnly = false</c> becomes <c>true</c>, <c>HttpOnlyPolicy.None</c> becomes <c>HttpOnlyPolicy.Always</c>, a
/// <c>new CookieOptions { … }</c> without <c>HttpOnly</c> gets <c>HttpOnly = true</c>, and <c>Append(name, value)</c> gets a third
/// argument <c>new CookieOptions { HttpOnly = true }</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CookieWithoutHttpOnlyCodeFixProvider))]
[Shared]
public sealed class CookieWithoutHttpOnlyCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CookieWithoutHttpOnly);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || !diagnostic.Properties.TryGetValue(CookieWithoutHttpOnlyAnalyzer.KindProperty, out var kind) || Fix(root, diagnostic, kind) is not { } newRoot)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Set HttpOnly = true", _ => Task.FromResult(context.Document.WithSyntaxRoot(newRoot)), RuleIds.CookieWithoutHttpOnly + ".SetHttpOnly"),
                diagnostic);
        }
    }

    private static SyntaxNode? Fix(SyntaxNode root, Diagnostic diagnostic, string? kind)
    {
        switch (kind)
        {
            case CookieWithoutHttpOnlyAnalyzer.BoolKind or CookieWithoutHttpOnlyAnalyzer.PolicyKind:
                var assignment = CookieSyntax.FindAssignment(root, diagnostic.Location);
                var value = kind == CookieWithoutHttpOnlyAnalyzer.BoolKind ? CookieSyntax.True() : CookieSyntax.HttpOnlyPolicyAlways();
                return assignment is null ? null : root.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));

            case CookieWithoutHttpOnlyAnalyzer.AddMemberKind when Target(root, diagnostic) is BaseObjectCreationExpressionSyntax creation:
                return root.ReplaceNode(creation, CookieSyntax.WithMember(creation, "HttpOnly", CookieSyntax.True()));

            case CookieWithoutHttpOnlyAnalyzer.AddOptionsKind when Target(root, diagnostic) is InvocationExpressionSyntax invocation:
                var options = SyntaxFactory.ParseExpression("new Microsoft.AspNetCore.Http.CookieOptions { HttpOnly = true }");
                options = ((ObjectCreationExpressionSyntax)options).WithType(((ObjectCreationExpressionSyntax)options).Type.WithAdditionalAnnotations(Simplifier.Annotation));
                return root.ReplaceNode(invocation, invocation.AddArgumentListArguments(SyntaxFactory.Argument(options)));

            default:
                return null;
        }
    }

    private static SyntaxNode? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var span = diagnostic.AdditionalLocations[0].SourceSpan;
        return root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().FirstOrDefault(n => n.Span == span);
    }
}
