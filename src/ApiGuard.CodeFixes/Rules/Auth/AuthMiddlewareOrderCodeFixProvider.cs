using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Rules.Auth;
using ApiGuard.CodeFixes.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.Auth;

/// <summary>
/// Fixes AG0306 by moving the misplaced middleware statement (<c>app.UseAuthentication();</c>, <c>app.UseCors();</c>) right before the
/// statement it must precede, or by inserting <c>app.UseAuthentication();</c> before <c>UseAuthorization()</c> when it is missing.
/// Fix All applies every fix of a document in one edit, CORS moves first, so that CORS ends up before authentication.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AuthMiddlewareOrderCodeFixProvider))]
[Shared]
public sealed class AuthMiddlewareOrderCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.AuthMiddlewareOrder);

    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Instance;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(AuthMiddlewareOrderAnalyzer.KindProperty, out var kind))
            {
                continue;
            }

            var title = kind == AuthMiddlewareOrderAnalyzer.MissingKind ? "Call UseAuthentication() before UseAuthorization()" : "Move the call to its place in the pipeline";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => FixDocumentAsync(context.Document, new[] { diagnostic }, ct), RuleIds.AuthMiddlewareOrder + ".Order"),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixDocumentAsync(Document document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var removed = new HashSet<SyntaxNode>();

        // CORS moves first: each insertion goes right before its target, so CORS then precedes a moved UseAuthentication().
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Properties.TryGetValue(AuthMiddlewareOrderAnalyzer.MovedProperty, out var moved) && moved == "UseCors"))
        {
            diagnostic.Properties.TryGetValue(AuthMiddlewareOrderAnalyzer.KindProperty, out var kind);
            if (kind == AuthMiddlewareOrderAnalyzer.MissingKind)
            {
                PipelineInsertionFix.Apply(editor, root, diagnostic, new[] { PipelineInsertionFix.App(diagnostic) + ".UseAuthentication();" });
                continue;
            }

            if (kind != AuthMiddlewareOrderAnalyzer.MoveKind
                || PipelineInsertionFix.FindStatement(root, diagnostic, AuthMiddlewareOrderAnalyzer.MoveLocationProperty) is not { } moved
                || PipelineInsertionFix.FindStatement(root, diagnostic, AuthMiddlewareOrderAnalyzer.BeforeLocationProperty) is not { } target)
            {
                continue;
            }

            var movedNode = moved.Parent is GlobalStatementSyntax movedGlobal ? movedGlobal : (SyntaxNode)moved;
            var targetNode = target.Parent is GlobalStatementSyntax targetGlobal ? targetGlobal : (SyntaxNode)target;
            if (removed.Contains(targetNode) || !removed.Add(movedNode))
            {
                continue;
            }

            editor.RemoveNode(movedNode, SyntaxRemoveOptions.KeepNoTrivia);
            editor.InsertBefore(targetNode, movedNode.WithLeadingTrivia(targetNode.GetLeadingTrivia()).WithTrailingTrivia(movedNode.GetTrailingTrivia()));
        }

        return editor.GetChangedDocument();
    }

    /// <summary>Fix All: one editor per document, so that moves and insertions next to the same statement do not conflict.</summary>
    private sealed class DocumentFixAll : FixAllProvider
    {
        public static readonly DocumentFixAll Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var documents = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is not null => new[] { fixAllContext.Document },
                FixAllScope.Project => fixAllContext.Project.Documents.ToArray(),
                FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents).ToArray(),
                _ => Array.Empty<Document>(),
            };

            var solution = fixAllContext.Solution;
            foreach (var document in documents)
            {
                var diagnostics = (await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false))
                    .Where(d => d.Properties.ContainsKey(AuthMiddlewareOrderAnalyzer.KindProperty))
                    .ToList();
                if (diagnostics.Count > 0)
                {
                    var fixedDocument = await FixDocumentAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
                    solution = solution.WithDocumentSyntaxRoot(document.Id, (await fixedDocument.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false))!);
                }
            }

            return CodeAction.Create("Put authentication, authorization and CORS middleware in order", _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
