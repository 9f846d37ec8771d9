using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.HeadersAndCookies;

/// <summary>
/// What the cookie rules (AG0702–AG0704) share: recognising a cookie setting (<c>CookieOptions.Secure</c>,
/// <c>CookieBuilder.SecurePolicy</c>, …) by symbol, and finding the other settings made on the same object: the object
/// initializer it sits in, assignments to the same local after <c>var options = new CookieOptions { … }</c>, or assignments
/// through the same parameter path in one options lambda (<c>o.Cookie.SameSite</c> and <c>o.Cookie.SecurePolicy</c>).
/// </summary>
internal static class CookieSettings
{
    /// <summary>The enum value <c>CookieSecurePolicy.SameAsRequest</c>.</summary>
    public const int SameAsRequest = 0;

    /// <summary>The enum value <c>CookieSecurePolicy.Always</c>.</summary>
    public const int Always = 1;

    /// <summary>The enum value <c>CookieSecurePolicy.None</c>.</summary>
    public const int None = 2;

    /// <summary>The enum value <c>SameSiteMode.None</c>.</summary>
    public const int SameSiteNone = 0;

    /// <summary>The enum value <c>HttpOnlyPolicy.None</c>.</summary>
    public const int HttpOnlyPolicyNone = 0;

    /// <summary>Whether the compilation has the cookie types at all.</summary>
    public static bool IsAvailable(KnownTypes types)
        => types.IsAspNetCoreApp
            && types.Get(KnownType.Microsoft_AspNetCore_Http_CookieOptions) is not null
            && types.Get(KnownType.Microsoft_AspNetCore_Http_CookieBuilder) is not null;

    /// <summary>Whether <paramref name="property"/> is <paramref name="name"/> declared on (or overriding one of) <paramref name="type"/>.</summary>
    public static bool Is(IPropertySymbol? property, KnownType type, string name, KnownTypes types)
        => property is not null && property.Name == name && types.IsOrInherits(property.ContainingType, type);

    /// <summary>The property an assignment sets, when its target is a property (not an indexer).</summary>
    public static IPropertySymbol? Target(ISimpleAssignmentOperation assignment)
        => assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: false } property ? property.Property : null;

    /// <summary>
    /// The property assignments made on the object that <paramref name="assignment"/> sets a property of, itself included, when
    /// every place that could set them is known; null when the object comes from elsewhere (a field, a call, a local copied from
    /// another object) and rules that need "absent" must stay silent.
    /// </summary>
    public static IReadOnlyList<ISimpleAssignmentOperation>? SiblingAssignments(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Instance: { } instance })
        {
            return null;
        }

        if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
        {
            return assignment.Parent is IObjectOrCollectionInitializerOperation initializer ? InitializerAssignments(initializer) : null;
        }

        return AssignmentsThrough(instance, LocalIndex.RootOf(assignment));
    }

    /// <summary>
    /// The property assignments made on the object <paramref name="value"/> (an argument: <c>new CookieOptions { … }</c>, or a local
    /// declared with one); null when they cannot all be seen.
    /// </summary>
    public static IReadOnlyList<ISimpleAssignmentOperation>? AssignmentsOnValue(IOperation value)
    {
        value = Unwrap(value);
        return value switch
        {
            IObjectCreationOperation creation => CreationAssignments(creation),
            ILocalReferenceOperation local => AssignmentsThrough(local, LocalIndex.RootOf(value)),
            _ => null,
        };
    }

    /// <summary>The first assignment among <paramref name="assignments"/> to a property <paramref name="name"/> of <paramref name="type"/>.</summary>
    public static ISimpleAssignmentOperation? Find(IReadOnlyList<ISimpleAssignmentOperation> assignments, KnownType type, string name, KnownTypes types)
        => assignments.FirstOrDefault(a => Is(Target(a), type, name, types));

    private static IReadOnlyList<ISimpleAssignmentOperation> InitializerAssignments(IObjectOrCollectionInitializerOperation initializer)
    {
        if (initializer.Parent is IObjectCreationOperation creation)
        {
            return CreationAssignments(creation);
        }

        return initializer.Initializers.OfType<ISimpleAssignmentOperation>().ToList();
    }

    private static IReadOnlyList<ISimpleAssignmentOperation> CreationAssignments(IObjectCreationOperation creation)
    {
        var result = new List<ISimpleAssignmentOperation>();
        if (creation.Initializer is { } initializer)
        {
            result.AddRange(initializer.Initializers.OfType<ISimpleAssignmentOperation>());
        }

        // `var options = new CookieOptions { … }; options.Secure = true;`
        if (DeclaredLocal(creation) is { } local && LocalIndex.Of(creation).UsesOf(local) is { } uses)
        {
            foreach (var reference in uses.References)
            {
                if (reference.Parent is IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property
                    && ReferenceEquals(property.Instance, reference)
                    && ReferenceEquals(assignment.Target, property))
                {
                    result.Add(assignment);
                }
            }
        }

        return result;
    }

    private static IReadOnlyList<ISimpleAssignmentOperation>? AssignmentsThrough(IOperation instance, IOperation root)
    {
        if (instance is ILocalReferenceOperation local)
        {
            // Only a local that holds a new object: a copy of another object's cookie (`var c = options.Cookie;`) may be set elsewhere.
            if (LocalValues.IsReassigned(local) || LocalValues.DeclaredValue(local) is not { } declared || Unwrap(declared) is not IObjectCreationOperation creation)
            {
                return null;
            }

            return CreationAssignments(creation);
        }

        if (!IsParameterPath(instance))
        {
            return null;
        }

        return root.Descendants().OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Instance: { } other } && SameObject(instance, other))
            .ToList();
    }

    /// <summary>A parameter, or a property path from one (<c>o</c>, <c>o.Cookie</c>).</summary>
    private static bool IsParameterPath(IOperation operation) => operation switch
    {
        IParameterReferenceOperation => true,
        IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } inner } => IsParameterPath(inner),
        _ => false,
    };

    private static bool SameObject(IOperation left, IOperation right) => (left, right) switch
    {
        (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
        (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
        (IPropertyReferenceOperation { Instance: { } a } pa, IPropertyReferenceOperation { Instance: { } b } pb)
            => SymbolEqualityComparer.Default.Equals(pa.Property.OriginalDefinition, pb.Property.OriginalDefinition) && SameObject(a, b),
        _ => false,
    };

    private static ILocalSymbol? DeclaredLocal(IOperation value)
    {
        for (var current = value.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return declarator.Symbol;
                case IConversionOperation or IVariableInitializerOperation:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }
}
