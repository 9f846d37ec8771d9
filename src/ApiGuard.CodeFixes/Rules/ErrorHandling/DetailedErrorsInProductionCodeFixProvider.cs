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
using Microsoft.CodeAnalysis.Simplification;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Fixes AG0403. With an environment in scope, the setting follows it: <c>EnableSensitiveDataLogging(env.IsDevelopment())</c>,
/// <c>EnableDetailedErrors = builder.Environment.IsDevelopment()</c>. Without one, the setting is removed (or set to false where
/// removing it would not compile).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DetailedErrorsInProductionCodeFixProvider))]
[Shared]
public sealed class DetailedErrorsInProductionCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.DetailedErrorsInProduction);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(DetailedErrorsInProductionAnalyzer.EnvironmentProperty, out var environment) && environment is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Enable only in Development", ct => FixAsync(context.Document, diagnostic, environment + ".IsDevelopment()", ct), RuleIds.DetailedErrorsInProduction + ".OnlyInDevelopment"),
                    diagnostic);
            }
            else
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the setting", ct => FixAsync(context.Document, diagnostic, null, ct), RuleIds.DetailedErrorsInProduction + ".Remove"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string? condition, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var setting = (ExpressionSyntax?)node?.AncestorsAndSelf().FirstOrDefault(n => n is AssignmentExpressionSyntax or InvocationExpressionSyntax);
        if (root is null || model is null || setting is null)
        {
            return document;
        }

        if (condition is null && SettingRemoval.Remove(root, setting, model) is { } removed)
        {
            return document.WithSyntaxRoot(removed);
        }

        var value = SyntaxFactory.ParseExpression(condition ?? "false").WithAdditionalAnnotations(Simplifier.Annotation);
        SyntaxNode replaced = setting switch
        {
            AssignmentExpressionSyntax assignment => assignment.WithRight(value.WithTriviaFrom(assignment.Right)),
            InvocationExpressionSyntax invocation => invocation.WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(value)))
                .WithTriviaFrom(invocation.ArgumentList)),
            _ => setting,
        };
        var changed = document.WithSyntaxRoot(root.ReplaceNode(setting, replaced));
        return condition is null ? changed : await UsingDirectives.EnsureHostingAsync(changed, model, setting.SpanStart, cancellationToken).ConfigureAwait(false);
    }
}
