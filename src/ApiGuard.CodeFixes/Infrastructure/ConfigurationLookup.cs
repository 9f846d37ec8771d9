using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>
/// Finds an <c>IConfiguration</c> a fix can read from at a position: a local, parameter, field or property of a type that
/// implements <c>IConfiguration</c>, else one with a <c>Configuration</c> property that does (<c>builder.Configuration</c>,
/// <c>app.Configuration</c>). Fixes use it to read values from configuration rather than invent them.
/// </summary>
internal static class ConfigurationLookup
{
    public static ExpressionSyntax? Find(SemanticModel model, int position, KnownTypes types)
    {
        var configuration = types.Get(KnownType.Microsoft_Extensions_Configuration_IConfiguration);
        if (configuration is null)
        {
            return null;
        }

        var enclosing = model.GetEnclosingSymbol(position);
        var inStaticContext = IsStaticContext(enclosing);
        var owners = Owners(enclosing);
        ExpressionSyntax? viaProperty = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            var type = symbol switch
            {
                // Locals and parameters only of the method (or enclosing lambdas) the position is in: a class in a file with
                // top-level statements sees the top-level locals, but may not use them (CS8801).
                ILocalSymbol local when IsDeclaredBefore(local, position) && owners.Contains(local.ContainingSymbol) => local.Type,
                IParameterSymbol parameter when owners.Contains(parameter.ContainingSymbol) => parameter.Type,
                IFieldSymbol field when field.IsStatic || !inStaticContext => field.Type,
                IPropertySymbol member when (member.IsStatic || !inStaticContext) && member.GetMethod is not null => member.Type,
                _ => null,
            };

            if (type is null)
            {
                continue;
            }

            var name = SyntaxFactory.IdentifierName(symbol.Name);
            if (types.IsOrInherits(type, KnownType.Microsoft_Extensions_Configuration_IConfiguration))
            {
                return name;
            }

            if (viaProperty is null
                && type.GetMembers("Configuration").OfType<IPropertySymbol>().FirstOrDefault(p => !p.IsStatic && p.GetMethod is not null) is { } property
                && types.IsOrInherits(property.Type, KnownType.Microsoft_Extensions_Configuration_IConfiguration))
            {
                viaProperty = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, name, SyntaxFactory.IdentifierName("Configuration"));
            }
        }

        return viaProperty;
    }

    /// <summary>Whether the configuration binder's <c>Get&lt;T&gt;()</c> extension is in scope at <paramref name="position"/>.</summary>
    public static bool IsBinderInScope(SemanticModel model, int position, KnownTypes types)
    {
        var binder = types.Get(KnownType.Microsoft_Extensions_Configuration_ConfigurationBinder);
        return binder is not null
            && model.LookupNamespacesAndTypes(position, name: "ConfigurationBinder").Any(t => SymbolEqualityComparer.Default.Equals(t, binder));
    }

    /// <summary>The enclosing member and the lambdas and local functions around the position.</summary>
    private static HashSet<ISymbol> Owners(ISymbol? enclosing)
    {
        var owners = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        for (var current = enclosing; current is IMethodSymbol method; current = current.ContainingSymbol)
        {
            owners.Add(method);

            // A static local function or lambda cannot capture the locals and parameters around it (CS8421).
            if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction) || method.IsStatic)
            {
                break;
            }
        }

        return owners;
    }

    private static bool IsDeclaredBefore(ILocalSymbol local, int position)
        => local.DeclaringSyntaxReferences.Length > 0 && local.DeclaringSyntaxReferences[0].Span.End < position;

    private static bool IsStaticContext(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                continue;
            }

            return current.IsStatic;
        }

        return false;
    }
}
