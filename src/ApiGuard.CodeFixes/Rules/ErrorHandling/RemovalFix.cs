using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Rules.ErrorHandling;

/// <summary>
/// Removes a setting (a call on an options object or builder, or a property assignment) and keeps the code compiling (AG0403,
/// AG0405): the statement that is only the setting goes; in a fluent chain the call is replaced by its receiver; in an object
/// initializer the assignment goes; an expression-bodied lambda that is only the setting gets an empty body.
/// </summary>
internal static class RemovalFix
{
    /// <summary>The root without the setting at <paramref name="node"/>, or null when it cannot be removed safely there.</summary>
    public static SyntaxNode? Remove(SyntaxNode root, ExpressionSyntax node, SemanticModel model)
    {
        var receiver = node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : null;
        switch (node.Parent)
        {
            case ExpressionStatementSyntax statement when node is AssignmentExpressionSyntax || (receiver is not null && IsPlainName(receiver)):
                SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
                return root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia);

            case MemberAccessExpressionSyntax outer when outer.Expression == node && receiver is not null:
                // The receiver of a further call (`app.UseDirectoryBrowser().UseRouting()`): the call gives way to its receiver.
                return root.ReplaceNode(node, receiver.WithTriviaFrom(node));

            case InitializerExpressionSyntax initializer when node is AssignmentExpressionSyntax:
                return root.ReplaceNode(initializer, initializer.WithExpressions(initializer.Expressions.Remove(node)).WithAdditionalAnnotations(Formatter.Annotation));

            case LambdaExpressionSyntax lambda when lambda.ExpressionBody == node && (receiver is null || IsPlainName(receiver)):
                if (model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true })
                {
                    var empty = SyntaxFactory.Block().WithTrailingTrivia(node.GetTrailingTrivia());
                    return root.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(empty));
                }

                return receiver is null ? null : root.ReplaceNode(node, receiver.WithTriviaFrom(node));
        }

        // In a chain (`options.UseSqlServer(cs).EnableSensitiveDataLogging()`): the call gives way to its receiver.
        return receiver is not null && !IsPlainName(receiver) ? root.ReplaceNode(node, receiver.WithTriviaFrom(node)) : null;
    }

    /// <summary>A receiver without side effects: a name, <c>this</c>, or member accesses on one (<c>builder.Services</c>).</summary>
    private static bool IsPlainName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsPlainName(member.Expression),
        _ => false,
    };
}
