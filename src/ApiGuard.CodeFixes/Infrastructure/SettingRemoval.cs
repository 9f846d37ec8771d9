using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>
/// Removes an insecure setting so that the framework's secure default applies again, and keeps the code compiling (AG0103, AG0104,
/// AG0403, AG0405): a statement that is only the setting goes; in a fluent chain the call gives way to its receiver; a member of an
/// object initializer goes; an expression-bodied options lambda that is only the setting gets an empty body; a constructor argument
/// goes (or becomes <c>null</c> when positional arguments follow it).
/// </summary>
internal static class SettingRemoval
{
    /// <summary>The assignment or argument whose value is exactly <paramref name="span"/> (where a diagnostic on the value points).</summary>
    public static SyntaxNode? FindByValue(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        => root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf()
            .FirstOrDefault(n => n.Span == span && ((n.Parent is AssignmentExpressionSyntax assignment && assignment.Right == n) || n.Parent is ArgumentSyntax))
            ?.Parent;

    /// <summary>
    /// The root without the setting at <paramref name="node"/> (an assignment, a call on an options object or builder, or a
    /// constructor argument), or null when it cannot be removed safely there.
    /// </summary>
    public static SyntaxNode? Remove(SyntaxNode root, SyntaxNode node, SemanticModel model)
    {
        if (node is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax } list } argument)
        {
            // The last argument (or a named one) goes; one followed by positional arguments becomes null, the "no callback" value.
            return argument.NameColon is not null || list.Arguments.Last() == argument
                ? root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia)
                : root.ReplaceNode(argument.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression));
        }

        if (node is not ExpressionSyntax setting)
        {
            return null;
        }

        var receiver = setting is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression : null;
        switch (setting.Parent)
        {
            case ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax } statement
                when setting is AssignmentExpressionSyntax || (receiver is not null && IsPlainName(receiver)):
                return root.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepNoTrivia);

            case ExpressionStatementSyntax when setting is AssignmentExpressionSyntax || (receiver is not null && IsPlainName(receiver)):
                // An embedded statement (`if (x) o.Setting = false;`) cannot simply go.
                return null;

            case MemberAccessExpressionSyntax outer when outer.Expression == setting && receiver is not null:
                // The receiver of a further call (`app.UseDirectoryBrowser().UseRouting()`): the call gives way to its receiver.
                return root.ReplaceNode(setting, receiver.WithTriviaFrom(setting));

            case InitializerExpressionSyntax initializer when setting is AssignmentExpressionSyntax:
                return initializer.IsKind(SyntaxKind.ObjectInitializerExpression) ? root.RemoveNode(setting, SyntaxRemoveOptions.KeepNoTrivia) : null;

            case LambdaExpressionSyntax lambda when lambda.ExpressionBody == setting && (receiver is null || IsPlainName(receiver)):
                if (model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: true })
                {
                    return root.ReplaceNode(lambda, lambda
                        .WithExpressionBody(null)
                        .WithBlock(SyntaxFactory.Block())
                        .WithArrowToken(lambda.ArrowToken)
                        .WithAdditionalAnnotations(Formatter.Annotation));
                }

                return receiver is null ? null : root.ReplaceNode(setting, receiver.WithTriviaFrom(setting));
        }

        // In a chain (`options.UseSqlServer(cs).EnableSensitiveDataLogging()`): the call gives way to its receiver.
        return receiver is not null && !IsPlainName(receiver) ? root.ReplaceNode(setting, receiver.WithTriviaFrom(setting)) : null;
    }

    /// <summary>A receiver without side effects: a name, <c>this</c>, or member accesses on one (<c>builder.Services</c>).</summary>
    private static bool IsPlainName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax member => IsPlainName(member.Expression),
        _ => false,
    };
}
