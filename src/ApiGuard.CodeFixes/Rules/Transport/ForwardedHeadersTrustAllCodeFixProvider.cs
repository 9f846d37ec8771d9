using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Rules.Transport;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.Transport;

/// <summary>
/// Fixes AG0105 by replacing <c>options.KnownProxies.Clear()</c> with a loop that adds the proxies listed in configuration
/// (<c>ForwardedHeaders:KnownProxies</c>, an array of IP addresses), read from the <c>IConfiguration</c> in scope
/// (<c>builder.Configuration</c>, a Startup's <c>Configuration</c>). The default loopback proxy stays, so the list is never empty.
/// Offers nothing when no configuration is in scope.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForwardedHeadersTrustAllCodeFixProvider))]
[Shared]
public sealed class ForwardedHeadersTrustAllCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ForwardedHeadersTrustAll);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Trust the proxies listed in configuration",
                        ct => FixAsync(context.Document, diagnostic, ct),
                        RuleIds.ForwardedHeadersTrustAll + ".KnownProxiesFromConfiguration"),
                    diagnostic);
            }
        }
    }

    /// <summary>The statement to replace, the list expression and the configuration expression, or null when there is no safe fix.</summary>
    private static (ExpressionStatementSyntax Statement, ExpressionSyntax List, ExpressionSyntax Configuration)? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        if (root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault(i => i.Span == span) is not
            { Expression: MemberAccessExpressionSyntax { Expression: { } list }, Parent: ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement }
            || ConfigurationLookup.Find(model, statement.SpanStart, KnownTypes.GetOrCreate(model.Compilation)) is not { } configuration)
        {
            return null;
        }

        return (statement, list, configuration);
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null || Plan(root, model, diagnostic) is not { } plan)
        {
            return document;
        }

        var position = plan.Statement.SpanStart;
        var variable = model.LookupSymbols(position, name: "proxy").IsEmpty ? "proxy" : "trustedProxy";
        var newLine = SyntaxText.NewLine(root);
        var text = "foreach (var " + variable + " in " + plan.Configuration + ".GetSection(\"" + ForwardedHeadersTrustAllAnalyzer.ConfigurationKey
            + "\").Get<string[]>() ?? Array.Empty<string>())" + newLine
            + "{" + newLine
            + plan.List + ".Add(IPAddress.Parse(" + variable + "));" + newLine
            + "}" + newLine;
        var loop = SyntaxFactory.ParseStatement(text)
            .WithLeadingTrivia(plan.Statement.GetLeadingTrivia())
            .WithTrailingTrivia(plan.Statement.GetTrailingTrivia())
            .WithAdditionalAnnotations(Formatter.Annotation);
        SyntaxNode replaced = plan.Statement.Parent is GlobalStatementSyntax global ? global : plan.Statement;
        SyntaxNode replacement = replaced is GlobalStatementSyntax ? SyntaxFactory.GlobalStatement(loop) : loop;
        var changed = document.WithSyntaxRoot(root.ReplaceNode(replaced, replacement.WithAdditionalAnnotations(Formatter.Annotation)));
        changed = await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

        var types = KnownTypes.GetOrCreate(model.Compilation);
        if (!UsingDirectives.IsInScope(model, position, "System.Net", "IPAddress"))
        {
            changed = await UsingDirectives.AddAsync(changed, "System.Net", cancellationToken).ConfigureAwait(false);
        }

        if (!ConfigurationLookup.IsBinderInScope(model, position, types))
        {
            changed = await UsingDirectives.AddAsync(changed, "Microsoft.Extensions.Configuration", cancellationToken).ConfigureAwait(false);
        }

        if (!UsingDirectives.IsInScope(model, position, "System", "Array"))
        {
            changed = await UsingDirectives.AddAsync(changed, "System", cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
