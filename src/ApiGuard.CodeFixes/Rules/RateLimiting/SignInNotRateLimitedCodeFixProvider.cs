using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.RateLimiting;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.RateLimiting;

/// <summary>
/// Fixes AG0604 with a policy the app already registers (the analyzer picks one whose name suggests sign-in, authentication or
/// strictness, else the first): <c>.RequireRateLimiting("policy")</c> on a minimal-API or Identity API mapping,
/// <c>[EnableRateLimiting("policy")]</c> on a controller action, or the same in place of the endpoint's own opt-out. No fix is
/// offered when the app registers no policy under a constant name, or when the opt-out is on a class, a group or a handler.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SignInNotRateLimitedCodeFixProvider))]
[Shared]
public sealed class SignInNotRateLimitedCodeFixProvider : CodeFixProvider
{
    private const string RateLimitingNamespace = "Microsoft.AspNetCore.RateLimiting";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SignInNotRateLimited);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(SignInNotRateLimitedAnalyzer.PolicyProperty, out var policy) || policy is null
                || !diagnostic.Properties.TryGetValue(SignInNotRateLimitedAnalyzer.KindProperty, out var kind)
                || diagnostic.AdditionalLocations.Count == 0)
            {
                continue;
            }

            var replaces = diagnostic.Properties.TryGetValue(SignInNotRateLimitedAnalyzer.ReplacesOptOutProperty, out var text) && text == "true";
            if (replaces && diagnostic.AdditionalLocations.Count < 2)
            {
                continue;
            }

            var title = kind == SignInNotRateLimitedAnalyzer.Action
                ? "Add [EnableRateLimiting(\"" + policy + "\")]"
                : "Add RequireRateLimiting(\"" + policy + "\")";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixAsync(context.Document, diagnostic, kind!, policy, replaces, ct), RuleIds.SignInNotRateLimited + ".ApplyPolicy"),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string kind, string policy, bool replaces, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var name = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(policy));
        var target = diagnostic.AdditionalLocations[replaces ? 1 : 0].SourceSpan;
        var node = root.FindNode(target, getInnermostNodeForTie: true);
        var needsUsing = false;
        if (kind == SignInNotRateLimitedAnalyzer.Mapping)
        {
            if (node.FirstAncestorOrSelf<InvocationExpressionSyntax>(n => n.Span == target) is not { } invocation)
            {
                return document;
            }

            var arguments = SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(name)));
            if (replaces && invocation.Expression is MemberAccessExpressionSyntax disable)
            {
                editor.ReplaceNode(invocation, invocation
                    .WithExpression(disable.WithName(SyntaxFactory.IdentifierName("RequireRateLimiting").WithTriviaFrom(disable.Name)))
                    .WithArgumentList(arguments.WithTriviaFrom(invocation.ArgumentList)));
            }
            else
            {
                editor.ReplaceNode(invocation, SyntaxFactory.InvocationExpression(
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, invocation.WithoutTrailingTrivia(), SyntaxFactory.IdentifierName("RequireRateLimiting")),
                        arguments)
                    .WithTrailingTrivia(invocation.GetTrailingTrivia()));
            }
        }
        else
        {
            const string attributeName = "EnableRateLimiting";
            needsUsing = !UsingDirectives.IsInScope(model, target.Start, RateLimitingNamespace, "EnableRateLimitingAttribute");
            var attribute = SyntaxFactory.Attribute(
                SyntaxFactory.IdentifierName(attributeName),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(name))));
            if (replaces && node.FirstAncestorOrSelf<AttributeSyntax>() is { } disable)
            {
                editor.ReplaceNode(disable, attribute.WithTriviaFrom(disable));
            }
            else if (node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                editor.AddAttribute(method, SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                return document;
            }
        }

        var changed = editor.GetChangedDocument();
        return needsUsing ? await UsingDirectives.AddAsync(changed, RateLimitingNamespace, cancellationToken).ConfigureAwait(false) : changed;
    }
}
