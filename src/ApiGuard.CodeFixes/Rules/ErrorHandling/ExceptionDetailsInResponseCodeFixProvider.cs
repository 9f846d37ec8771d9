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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Fixes AG0402: the detail gives way to a generic message with the request's trace identifier (when an <c>HttpContext</c> is in
/// scope), and, when a logger is in scope, <c>logger.LogError(exception, "…")</c> goes before the statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ExceptionDetailsInResponseCodeFixProvider))]
[Shared]
public sealed class ExceptionDetailsInResponseCodeFixProvider : CodeFixProvider
{
    /// <summary>The message of the log call the fix adds.</summary>
    public const string LogMessage = "Request failed";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ExceptionDetailsInResponse);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(ExceptionDetailsInResponseAnalyzer.ReplacementProperty, out var replacement) && replacement is not null)
            {
                var title = diagnostic.Properties.ContainsKey(ExceptionDetailsInResponseAnalyzer.LoggerProperty)
                    ? "Send a generic message and log the exception"
                    : "Send a generic message";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixAsync(context.Document, diagnostic, replacement, ct), RuleIds.ExceptionDetailsInResponse + ".GenericMessage"),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax detail)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var text = detail.Parent is InterpolationSyntax or BinaryExpressionSyntax ? "(" + replacement + ")" : replacement;
        editor.ReplaceNode(detail, SyntaxFactory.ParseExpression(text).WithTriviaFrom(detail));
        var logs = diagnostic.Properties.TryGetValue(ExceptionDetailsInResponseAnalyzer.LoggerProperty, out var logger) && logger is not null
            && diagnostic.Properties.TryGetValue(ExceptionDetailsInResponseAnalyzer.ExceptionProperty, out var exception) && exception is not null
            && PipelineInsertionFix.FindStatement(root, diagnostic, ExceptionDetailsInResponseAnalyzer.StatementProperty) is not null;
        if (logs)
        {
            var target = PipelineInsertionFix.FindStatement(root, diagnostic, ExceptionDetailsInResponseAnalyzer.StatementProperty)!;
            var log = SyntaxFactory.ParseStatement(logger + ".LogError(" + diagnostic.Properties[ExceptionDetailsInResponseAnalyzer.ExceptionProperty] + ", \"" + LogMessage + "\");" + SyntaxText.NewLine(root))
                .WithAdditionalAnnotations(Formatter.Annotation);
            editor.InsertBefore(target, log);
        }

        var changed = editor.GetChangedDocument();
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return !logs || model is null || UsingDirectives.IsInScope(model, detail.SpanStart, "Microsoft.Extensions.Logging", "LoggerExtensions")
            ? changed
            : await UsingDirectives.AddAsync(changed, "Microsoft.Extensions.Logging", cancellationToken).ConfigureAwait(false);
    }
}
