using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.Rules.ErrorHandling;

/// <summary>
/// Finds a value a fix can write at a position: a parameter, a local declared before it, or a field or property of the enclosing
/// type (instance members only where <c>this</c> is available). Used for the environment (AG0403), the <c>HttpContext</c> and the
/// logger (AG0402).
/// </summary>
internal static class InScope
{
    /// <summary>
    /// The expression <paramref name="describe"/> makes of the first matching symbol visible at <paramref name="operation"/>:
    /// parameters first, then locals, then members, each by name for a stable choice. Null when none matches.
    /// </summary>
    public static string? Find(IOperation operation, Func<ITypeSymbol, string, string?> describe)
    {
        if (operation.SemanticModel is not { } model)
        {
            return null;
        }

        var position = operation.Syntax.SpanStart;
        var instance = HasThis(model.GetEnclosingSymbol(position));
        var enclosingType = model.GetEnclosingSymbol(position)?.ContainingType;
        string? best = null;
        var bestRank = int.MaxValue;
        string? bestName = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var (rank, type) = symbol switch
            {
                IParameterSymbol parameter => (0, parameter.Type),
                ILocalSymbol local when DeclaredBefore(local, operation.Syntax) => (1, local.Type),
                IFieldSymbol { IsImplicitlyDeclared: false } field when (field.IsStatic || instance) && IsMemberOf(field, enclosingType) => (2, field.Type),
                IPropertySymbol { IsIndexer: false, GetMethod: not null } property when (property.IsStatic || instance) && IsMemberOf(property, enclosingType) => (2, property.Type),
                _ => (int.MaxValue, (ITypeSymbol?)null),
            };
            if (type is null || rank > bestRank || (rank == bestRank && string.CompareOrdinal(symbol.Name, bestName) >= 0))
            {
                continue;
            }

            if (describe(type, symbol.Name) is { } expression)
            {
                best = expression;
                bestRank = rank;
                bestName = symbol.Name;
            }
        }

        return best;
    }

    private static bool DeclaredBefore(ILocalSymbol local, SyntaxNode use)
        => local.DeclaringSyntaxReferences.Length == 1
            && local.DeclaringSyntaxReferences[0].SyntaxTree == use.SyntaxTree
            && local.DeclaringSyntaxReferences[0].Span.End <= use.SpanStart;

    private static bool IsMemberOf(ISymbol member, INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(member.ContainingType, current))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether code at a position inside <paramref name="symbol"/> can use <c>this</c> (a lambda inherits it from its method).</summary>
    private static bool HasThis(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            switch (current)
            {
                case IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } function:
                    if (function.IsStatic)
                    {
                        return false;
                    }

                    continue;
                case IMethodSymbol method:
                    return !method.IsStatic;
                case IPropertySymbol or IFieldSymbol:
                    return !current.IsStatic;
                case INamedTypeSymbol:
                    return false;
            }
        }

        return false;
    }
}
