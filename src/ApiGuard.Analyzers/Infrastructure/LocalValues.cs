using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Infrastructure;

/// <summary>What a local holds: the value it is declared with, and whether anything assigns it again.</summary>
internal static class LocalValues
{
    /// <summary>The initializer of the local's declaration (in the reference's own tree), or null when it has none.</summary>
    public static IOperation? DeclaredValue(ILocalReferenceOperation reference)
        => Declarator(reference) is { Initializer.Value: { } initializer } && reference.SemanticModel is { } model
            ? model.GetOperation(initializer)
            : null;

    /// <summary>Whether the local is assigned, or passed by <c>ref</c>/<c>out</c>, anywhere after its declaration in its block.</summary>
    public static bool IsReassigned(ILocalReferenceOperation reference)
    {
        if (Declarator(reference) is not { } declarator)
        {
            return true;
        }

        var name = reference.Local.Name;
        var scope = declarator.FirstAncestorOrSelf<BlockSyntax>() ?? (SyntaxNode)declarator.SyntaxTree.GetRoot();
        foreach (var node in scope.DescendantNodes())
        {
            if ((node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } && left.Identifier.ValueText == name)
                || (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax argument } && argument.Identifier.ValueText == name))
            {
                return true;
            }
        }

        return false;
    }

    private static VariableDeclaratorSyntax? Declarator(ILocalReferenceOperation reference)
        => reference.Local.DeclaringSyntaxReferences.Length == 1
            && reference.Local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax declarator
            && declarator.SyntaxTree == reference.Syntax.SyntaxTree
                ? declarator
                : null;
}
