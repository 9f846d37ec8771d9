using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Options;
using ApiGuard.Analyzers.Rules.RateLimiting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace ApiGuard.CodeFixes.Rules.RateLimiting;

/// <summary>
/// Fixes AG0605 with an explicit limit: <c>[DisableRequestSizeLimit]</c> becomes <c>[RequestSizeLimit(n)]</c> (and
/// <c>new DisableRequestSizeLimitAttribute()</c> becomes <c>new RequestSizeLimitAttribute(n)</c>); a removed body limit gets
/// <c>n</c> from <c>apiguard.rate_limiting.max_request_body_size</c> (default 30,000,000 bytes, Kestrel's own default); the form
/// value and multipart header limits get ASP.NET Core's defaults (4 MiB and 16 KiB).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequestSizeLimitRemovedCodeFixProvider))]
[Shared]
public sealed class RequestSizeLimitRemovedCodeFixProvider : CodeFixProvider
{
    /// <summary>ASP.NET Core's default <c>FormOptions.ValueLengthLimit</c>.</summary>
    public const int DefaultValueLengthLimit = 4 * 1024 * 1024;

    /// <summary>ASP.NET Core's default <c>FormOptions.MultipartHeadersLengthLimit</c>.</summary>
    public const int DefaultMultipartHeadersLengthLimit = 16 * 1024;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RequestSizeLimitRemoved);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var bodyLimit = ApiGuardOptions.RateLimitingMaxRequestBodySize.Read(context.Document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree));
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(RequestSizeLimitRemovedAnalyzer.EditProperty, out var edit)
                || !diagnostic.Properties.TryGetValue(RequestSizeLimitRemovedAnalyzer.LimitProperty, out var limit)
                || Find(root, diagnostic.Location) is not { } node)
            {
                continue;
            }

            var value = limit switch
            {
                RequestSizeLimitRemovedAnalyzer.ValueLengthLimit => DefaultValueLengthLimit,
                RequestSizeLimitRemovedAnalyzer.HeadersLengthLimit => DefaultMultipartHeadersLengthLimit,
                _ => bodyLimit,
            };

            var literal = Number(value);
            SyntaxNode? replacement = (edit, node) switch
            {
                (RequestSizeLimitRemovedAnalyzer.Rename, AttributeSyntax attribute) => attribute
                    .WithName(Renamed(attribute.Name))
                    .WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(literal)))),
                (RequestSizeLimitRemovedAnalyzer.Rename, ObjectCreationExpressionSyntax creation) => creation
                    .WithType(Renamed(creation.Type))
                    .WithArgumentList(SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(literal))).WithTriviaFrom((SyntaxNode?)creation.ArgumentList ?? SyntaxFactory.ArgumentList()))
                    .WithInitializer(creation.Initializer),
                (RequestSizeLimitRemovedAnalyzer.Replace, AssignmentExpressionSyntax assignment) => assignment.WithRight(literal.WithTriviaFrom(assignment.Right)),
                (RequestSizeLimitRemovedAnalyzer.Replace, AttributeArgumentSyntax argument) => argument.WithExpression(literal.WithTriviaFrom(argument.Expression)),
                (RequestSizeLimitRemovedAnalyzer.Replace, ExpressionSyntax expression) => literal.WithTriviaFrom(expression),
                _ => null,
            };

            if (replacement is null)
            {
                continue;
            }

            var title = edit == RequestSizeLimitRemovedAnalyzer.Rename
                ? "Use [RequestSizeLimit(" + literal + ")]"
                : "Limit to " + literal + " bytes";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => ReplaceAsync(context.Document, node, replacement, ct), RuleIds.RequestSizeLimitRemoved + "." + edit),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, SyntaxNode node, SyntaxNode replacement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(node, replacement);
        return editor.GetChangedDocument();
    }

    /// <summary>The outermost node with exactly the diagnostic's span (an attribute and its name share one).</summary>
    private static SyntaxNode? Find(SyntaxNode root, Location location)
    {
        SyntaxNode? found = null;
        for (var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true); node is not null && node.Span == location.SourceSpan; node = node.Parent)
        {
            if (node is AttributeSyntax or AttributeArgumentSyntax or ExpressionSyntax)
            {
                found = node;
            }
        }

        return found;
    }

    /// <summary><c>DisableRequestSizeLimit</c> to <c>RequestSizeLimit</c>, keeping the qualification and the <c>Attribute</c> suffix.</summary>
    private static TName Renamed<TName>(TName name)
        where TName : SyntaxNode
    {
        var identifier = name.DescendantNodesAndSelf().OfType<SimpleNameSyntax>().LastOrDefault();
        if (identifier is null)
        {
            return name;
        }

        var text = identifier.Identifier.ValueText;
        var renamed = text.StartsWith("Disable", StringComparison.Ordinal) ? text.Substring("Disable".Length) : text;
        return name.ReplaceNode(identifier, SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(renamed)).WithTriviaFrom(identifier));
    }

    /// <summary>The number with <c>_</c> between thousands (<c>30_000_000</c>), an <c>int</c> literal when it fits, else <c>L</c>-suffixed.</summary>
    private static LiteralExpressionSyntax Number(long value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var grouped = new System.Text.StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                grouped.Append('_');
            }

            grouped.Append(digits[i]);
        }

        var text = value > int.MaxValue ? grouped + "L" : grouped.ToString();
        return value > int.MaxValue
            ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, value))
            : SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(text, (int)value));
    }
}
