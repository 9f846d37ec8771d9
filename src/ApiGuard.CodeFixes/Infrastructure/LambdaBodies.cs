using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

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
    /// Appends <paramref name="statements"/> (C# statement text written from column 0) at the end of the lambda's body, indented
    /// like the body's statements; qualified names are simplified.
    /// </summary>
    public static void Append(DocumentEditor editor, AnonymousFunctionExpressionSyntax lambda, IReadOnlyList<string> statements, string newLine)
    {
        var indentation = lambda.Block switch
        {
            { Statements.Count: > 0 } block => SyntaxText.IndentationOf(block.Statements[0]),
            { } block => SyntaxText.IndentationOf(block) + SyntaxText.IndentUnit,
            null => SyntaxText.IndentationOf(lambda) + SyntaxText.IndentUnit,
        };
        var parsed = statements
            .Select(s => SyntaxFactory.ParseStatement(SyntaxText.Indent(s, indentation, newLine) + newLine).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation))
            .ToArray();
        editor.ReplaceNode(lambda, (current, _) =>
        {
            var function = (AnonymousFunctionExpressionSyntax)current;
            if (function.Block is { } block)
            {
                return function.WithBlock(block.AddStatements(parsed));
            }

            if (function.ExpressionBody is not { } expression)
            {
                return function;
            }

            var existing = SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
            var body = SyntaxFactory.Block(new StatementSyntax[] { existing }.Concat(parsed))
                .WithTrailingTrivia(expression.GetTrailingTrivia());
            var withBlock = function switch
            {
                SimpleLambdaExpressionSyntax simple => simple.WithArrowToken(simple.ArrowToken.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))),
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.WithArrowToken(parenthesized.ArrowToken.WithTrailingTrivia(SyntaxFactory.EndOfLine(newLine))),
                _ => function,
            };

            return withBlock
                .WithExpressionBody(null)
                .WithBlock(body)
                .WithAdditionalAnnotations(Formatter.Annotation);
        });
    }
}
