using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>
/// Removes an insecure setting so that the framework's secure default applies again: an assignment statement, a member of an
/// object initializer, the body of an expression-bodied options lambda (which becomes <c>{ }</c>), or a constructor argument.
/// </summary>
internal static class SettingRemoval
{
    /// <summary>The assignment or argument whose value is exactly <paramref name="span"/> (where a diagnostic on the value points).</summary>
    public static SyntaxNode? FindByValue(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        => root.FindNode(span, getInnermostNodeForTie: true).AncestorsAndSelf()
            .FirstOrDefault(n => n.Span == span && ((n.Parent is AssignmentExpressionSyntax assignment && assignment.Right == n) || n.Parent is ArgumentSyntax))
            ?.Parent;

    /// <summary>Whether <see cref="Remove"/> can remove <paramref name="node"/> (an assignment or an argument) and keep the code compiling.</summary>
    public static bool CanRemove(SyntaxNode? node) => node switch
    {
        AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax or SwitchSectionSyntax } } => true,
        AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } => initializer.IsKind(SyntaxKind.ObjectInitializerExpression),
        AssignmentExpressionSyntax { Parent: LambdaExpressionSyntax lambda } assignment => lambda.ExpressionBody == assignment,
        ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax } } => true,
        _ => false,
    };

    public static void Remove(DocumentEditor editor, SyntaxNode node)
    {
        switch (node)
        {
            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement }:
                editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepNoTrivia);
                break;

            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax }:
                editor.RemoveNode(node, SyntaxRemoveOptions.KeepNoTrivia);
                break;

            case AssignmentExpressionSyntax { Parent: LambdaExpressionSyntax lambda }:
                editor.ReplaceNode(lambda, (current, _) => ((LambdaExpressionSyntax)current)
                    .WithExpressionBody(null)
                    .WithBlock(SyntaxFactory.Block())
                    .WithArrowToken(((LambdaExpressionSyntax)current).ArrowToken)
                    .WithAdditionalAnnotations(Formatter.Annotation));
                break;

            case ArgumentSyntax { Parent: ArgumentListSyntax list } argument:
                // The last argument (or a named one) goes; one followed by positional arguments becomes null, the "no callback" value.
                if (argument.NameColon is not null || list.Arguments.Last() == argument)
                {
                    editor.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
                }
                else
                {
                    editor.ReplaceNode(argument.Expression, SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression).WithTriviaFrom(argument.Expression));
                }

                break;
        }
    }
}
