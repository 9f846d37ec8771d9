using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>The syntax the cookie fixes (AG0702–AG0704) write: secure values, and settings added next to an existing one.</summary>
internal static class CookieSyntax
{
    /// <summary>The assignment at <paramref name="location"/> (the diagnostic's location), matched by its exact span.</summary>
    public static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, Location location)
        => location.SourceTree == root.SyntaxTree
            ? root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Span == location.SourceSpan)
            : null;

    public static ExpressionSyntax True() => SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);

    /// <summary><c>CookieSecurePolicy.Always</c>, written qualified and simplified to what the file's usings allow.</summary>
    public static ExpressionSyntax SecurePolicyAlways() => Qualified("Microsoft.AspNetCore.Http.CookieSecurePolicy.Always");

    /// <summary><c>HttpOnlyPolicy.Always</c>, written qualified and simplified to what the file's usings allow.</summary>
    public static ExpressionSyntax HttpOnlyPolicyAlways() => Qualified("Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always");

    /// <summary>Replaces the right-hand side of <paramref name="assignment"/> with <paramref name="value"/>.</summary>
    public static async Task<Document> ReplaceValueAsync(Document document, AssignmentExpressionSyntax assignment, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(assignment.Right, value.WithTriviaFrom(assignment.Right));
        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Adds <c><paramref name="member"/> = <paramref name="value"/></c> next to <paramref name="sibling"/>: as the next member of its object
    /// initializer, or as a statement after its expression statement on the same receiver. Returns null when neither applies.
    /// </summary>
    public static SyntaxNode? AddSibling(SyntaxNode root, AssignmentExpressionSyntax sibling, string member, ExpressionSyntax value)
    {
        if (sibling.Parent is InitializerExpressionSyntax initializer)
        {
            return root.ReplaceNode(initializer, InsertAfter(initializer, sibling, SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value)));
        }

        if (sibling.Parent is ExpressionStatementSyntax statement && sibling.Left is MemberAccessExpressionSyntax access)
        {
            var added = statement.WithExpression(
                sibling.WithLeft(access.WithName(SyntaxFactory.IdentifierName(member))).WithRight(value.WithTriviaFrom(sibling.Right)));
            added = added.WithLeadingTrivia(IndentationOnly(statement.GetLeadingTrivia())).WithTrailingTrivia(statement.GetTrailingTrivia());
            if (statement.Parent is GlobalStatementSyntax global)
            {
                return root.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(added) });
            }

            if (statement.Parent is BlockSyntax or SwitchSectionSyntax)
            {
                return root.InsertNodesAfter(statement, new[] { added });
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="creation"/> with <c><paramref name="member"/> = <paramref name="value"/></c> as the last member of its object
    /// initializer (one is added when there is none).
    /// </summary>
    public static BaseObjectCreationExpressionSyntax WithMember(BaseObjectCreationExpressionSyntax creation, string member, ExpressionSyntax value)
    {
        var added = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value);
        if (creation.Initializer is { Expressions.Count: > 0 } initializer)
        {
            return creation.WithInitializer(InsertAfter(initializer, initializer.Expressions[initializer.Expressions.Count - 1], added));
        }

        // `new CookieOptions()` / `new CookieOptions { }` become `new CookieOptions { HttpOnly = true }`.
        var trailing = creation.GetTrailingTrivia();
        var body = SyntaxFactory.InitializerExpression(
            SyntaxKind.ObjectInitializerExpression,
            SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space),
            SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(added),
            SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
        var stripped = creation.WithoutTrailingTrivia();
        if (stripped is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0 } explicitCreation && explicitCreation.Initializer is null)
        {
            // `new CookieOptions()` reads better as `new CookieOptions { … }`.
            stripped = explicitCreation.WithType(explicitCreation.Type.WithoutTrailingTrivia()).WithArgumentList(null);
        }

        return stripped.WithInitializer(body).WithTrailingTrivia(trailing);
    }

    /// <summary>
    /// Inserts <paramref name="added"/> after <paramref name="sibling"/> in an object initializer, keeping its layout: one member per
    /// line when the initializer spans lines, else on the same line.
    /// </summary>
    private static InitializerExpressionSyntax InsertAfter(InitializerExpressionSyntax initializer, ExpressionSyntax sibling, ExpressionSyntax added)
    {
        var items = initializer.Expressions;
        var index = items.IndexOf(sibling);
        var multiLine = initializer.OpenBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line
            != initializer.CloseBraceToken.GetLocation().GetLineSpan().StartLinePosition.Line;
        var leading = multiLine ? IndentationOnly(sibling.GetLeadingTrivia()) : SyntaxFactory.TriviaList();
        var list = new List<SyntaxNodeOrToken>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (i != index)
            {
                list.Add(item);
                if (i < items.SeparatorCount)
                {
                    list.Add(items.GetSeparator(i));
                }

                continue;
            }

            if (i < items.SeparatorCount)
            {
                var separator = items.GetSeparator(i);
                list.Add(item);
                list.Add(separator);
                list.Add(added.WithLeadingTrivia(leading));
                list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separator.TrailingTrivia));
            }
            else
            {
                var trailing = item.GetTrailingTrivia();
                list.Add(item.WithoutTrailingTrivia());
                list.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? trailing : SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                list.Add(added.WithLeadingTrivia(leading).WithTrailingTrivia(trailing));
            }
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(list));
    }

    private static SyntaxTriviaList IndentationOnly(SyntaxTriviaList trivia)
        => trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? SyntaxFactory.TriviaList(trivia[trivia.Count - 1]) : SyntaxFactory.TriviaList();

    private static ExpressionSyntax Qualified(string name)
        => SyntaxFactory.ParseExpression(name).WithAdditionalAnnotations(Simplifier.Annotation);
}
