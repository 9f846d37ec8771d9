using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.ErrorHandling;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Fixes AG0404 by serving the documentation only in Development (the statement moves into the app's development branch, or is
/// wrapped in an environment check where it is), or, for a mapped endpoint, by adding <c>.RequireAuthorization()</c> to it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApiDocumentationInProductionCodeFixProvider))]
[Shared]
public sealed class ApiDocumentationInProductionCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ApiDocumentationInProduction);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (DevelopmentGuardFix.HasPlan(diagnostic))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Serve only in Development", ct => DevelopmentGuardFix.ApplyAsync(context.Document, diagnostic, null, ct), RuleIds.ApiDocumentationInProduction + ".GuardWithIsDevelopment"),
                    diagnostic);
            }

            if (diagnostic.Properties.ContainsKey(ApiDocumentationInProductionAnalyzer.MapsEndpointProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Require authorization", ct => RequireAuthorizationAsync(context.Document, diagnostic, ct), RuleIds.ApiDocumentationInProduction + ".RequireAuthorization"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> RequireAuthorizationAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation)
        {
            return document;
        }

        var protectedCall = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("RequireAuthorization")))
            .WithTrailingTrivia(invocation.GetTrailingTrivia());
        var changed = document.WithSyntaxRoot(root.ReplaceNode(invocation, protectedCall));
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return model is null || UsingDirectives.IsInScope(model, invocation.SpanStart, "Microsoft.AspNetCore.Builder", "AuthorizationEndpointConventionBuilderExtensions")
            ? changed
            : await UsingDirectives.AddAsync(changed, "Microsoft.AspNetCore.Builder", cancellationToken).ConfigureAwait(false);
    }
}
