using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>Appends statements to an options lambda (<c>options =&gt; { … }</c>); an expression-bodied lambda becomes a block.</summary>
internal static class LambdaBodies
{
    /// <summary>The lambda whose whole span, or whose body's span, is <paramref name="location"/>.</summary>
    public static AnonymousFunctionExpressionSyntax? Find(SyntaxNode root, Location location)
    {
        if (location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
        return node.AncestorsAndSelf().OfType<AnonymousFunctionExpressionSyntax>()
            .FirstOrDefault(l => l.Span == location.SourceSpan || l.Body.Span == location.SourceSpan);
    }

    /// <summary>The name of the lambda's only parameter.</summary>
    public static string? ParameterName(AnonymousFunctionExpressionSyntax lambda) => lambda switch
    {
        SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
        ParenthesizedLambdaExpressionSyntax { ParameterList.Parameters.Count: 1 } parenthesized => parenthesized.ParameterList.Parameters[0].Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Appends <paramref name="statements"/> (C# statement text written from column 0) at the end of the lambda's body, indented like
    /// the body's statements. An expression body becomes a block, laid out by hand: formatting the lambda as a whole would realign
    /// the wrapped lines of the statements.
    /// </summary>
    public static void Append(DocumentEditor editor, AnonymousFunctionExpressionSyntax lambda, IReadOnlyList<string> statements, string newLine)
    {
        var outer = SyntaxText.IndentationOf(lambda.Block ?? (SyntaxNode)lambda);
        var indentation = lambda.Block is { Statements.Count: > 0 } filled ? SyntaxText.IndentationOf(filled.Statements[0]) : outer + SyntaxText.IndentUnit;
        var parsed = statements
            .Select(s => SyntaxFactory.ParseStatement(SyntaxText.Indent(s, indentation, newLine) + newLine).WithAdditionalAnnotations(Formatter.Annotation))
            .ToArray();
        editor.ReplaceNode(lambda, (current, _) =>
        {
            var function = (AnonymousFunctionExpressionSyntax)current;
            if (function.Block is { Statements.Count: > 0 } filledBlock)
            {
                return function.WithBlock(filledBlock.AddStatements(parsed));
            }

            // An empty block or an expression body: a new block, with the expression as its first statement.
            var eol = SyntaxFactory.EndOfLine(newLine);
            var existing = new List<StatementSyntax>();
            if (function.ExpressionBody is { } expression)
            {
                existing.Add(SyntaxFactory.ExpressionStatement(expression.WithoutTrivia())
                    .WithLeadingTrivia(SyntaxFactory.Whitespace(indentation))
                    .WithTrailingTrivia(eol));
            }

            var closingTrivia = function.Block?.CloseBraceToken.TrailingTrivia ?? function.ExpressionBody?.GetTrailingTrivia() ?? default;
            var body = SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(outer)).WithTrailingTrivia(eol),
                SyntaxFactory.List(existing.Concat(parsed)),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Whitespace(outer)).WithTrailingTrivia(closingTrivia));
            var withBlock = function switch
            {
                SimpleLambdaExpressionSyntax simple => simple.WithArrowToken(simple.ArrowToken.WithTrailingTrivia(eol)),
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithArrowToken(parenthesized.ArrowToken.WithTrailingTrivia(eol)),
                _ => function,
            };

            return withBlock.WithExpressionBody(null).WithBlock(body);
        });
    }
}
