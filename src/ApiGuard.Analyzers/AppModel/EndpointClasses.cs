using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>
/// Class-based endpoints (controllers and their actions, Razor Pages and their handlers, SignalR hubs) and the authorization
/// attributes they carry, with MVC's own discovery rules where ApiGuard follows them.
/// </summary>
internal static class EndpointClasses
{
    private static readonly string[] HandlerVerbs = { "Get", "Post", "Put", "Delete", "Patch", "Head", "Options" };

    /// <summary>Answers about classes and attribute types, per compilation (one <see cref="KnownTypes"/> each).</summary>
    private static readonly ConditionalWeakTable<KnownTypes, Caches> CachesByCompilation = new();

    /// <summary>
    /// What a type means as authorization metadata (an attribute class, or an object passed to <c>WithMetadata</c>):
    /// <c>IAllowAnonymous</c> (or an MVC allow-anonymous filter) is public; <c>IAuthorizeData</c>, or an authorization filter of the
    /// user's own, requires authorization; anything else adds nothing.
    /// </summary>
    public static AuthorizationState TypeState(ITypeSymbol? type, KnownTypes types)
    {
        if (type is null)
        {
            return AuthorizationState.None;
        }

        // Asked for every attribute of every action, and a project uses few attribute classes.
        var cache = CacheOf(types).TypeStates;
        if (!cache.TryGetValue(type, out var state))
        {
            state = ComputeTypeState(type, types);
            cache.TryAdd(type, state);
        }

        return state;
    }

    private static AuthorizationState ComputeTypeState(ITypeSymbol type, KnownTypes types)
    {
        if (types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Authorization_IAllowAnonymous)
            || types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_Authorization_IAllowAnonymousFilter))
        {
            return AuthorizationState.Anonymous;
        }

        return types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Authorization_IAuthorizeData)
            || types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_Filters_IAuthorizationFilter)
            || types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_Filters_IAsyncAuthorizationFilter)
            ? AuthorizationState.Authorize
            : AuthorizationState.None;
    }

    /// <summary>
    /// The authorization metadata of a set of attributes: any attribute implementing <c>IAuthorizeData</c> or <c>IAllowAnonymous</c>
    /// (user subclasses too), an authorization filter attribute, or <c>[TypeFilter]</c>/<c>[ServiceFilter]</c> naming an authorization filter.
    /// </summary>
    public static AuthorizationState AttributeState(ImmutableArray<AttributeData> attributes, KnownTypes types)
    {
        var state = AuthorizationState.None;
        foreach (var attribute in attributes)
        {
            var type = attribute.AttributeClass;
            if (type is null || type.TypeKind == TypeKind.Error)
            {
                continue;
            }

            state = state.Layer(TypeState(type, types));
            if ((types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_TypeFilterAttribute) || types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_ServiceFilterAttribute))
                && attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Type, Value: ITypeSymbol filter })
            {
                state = state.Layer(TypeState(filter, types));
            }
        }

        return state;
    }

    /// <summary>The attributes of a class and its base classes (authorization attributes are inherited).</summary>
    public static AuthorizationState ClassState(INamedTypeSymbol type, KnownTypes types)
    {
        // Asked once per action; the answer is the class's.
        var cache = CacheOf(types).ClassStates;
        if (!cache.TryGetValue(type, out var state))
        {
            state = ComputeClassState(type, types);
            cache.TryAdd(type, state);
        }

        return state;
    }

    private static AuthorizationState ComputeClassState(INamedTypeSymbol type, KnownTypes types)
    {
        var state = AuthorizationState.None;
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            state = state.Layer(AttributeState(current.OriginalDefinition.GetAttributes(), types));
        }

        return state;
    }

    /// <summary>The attributes of a method and the methods it overrides.</summary>
    public static AuthorizationState MethodState(IMethodSymbol method, KnownTypes types)
    {
        var state = AuthorizationState.None;
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            state = state.Layer(AttributeState(current.OriginalDefinition.GetAttributes(), types));
        }

        return state;
    }

    /// <summary>
    /// A controller: a public, top-level, non-abstract, non-generic class that derives from <c>ControllerBase</c> or carries
    /// <c>[Controller]</c>/<c>[ApiController]</c> (on itself or a base class), and not <c>[NonController]</c>. A class is never a controller
    /// by its name alone: service classes are often named <c>…Controller</c> too.
    /// </summary>
    public static bool IsController(INamedTypeSymbol type, KnownTypes types)
    {
        // Rules ask about the same classes from every method callback.
        var cache = CacheOf(types).Controllers;
        if (!cache.TryGetValue(type, out var isController))
        {
            isController = ComputeIsController(type, types);
            cache.TryAdd(type, isController);
        }

        return isController;
    }

    private static bool ComputeIsController(INamedTypeSymbol type, KnownTypes types)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic || type.Arity > 0 || type.ContainingType is not null
            || type.DeclaredAccessibility != Accessibility.Public
            || HasAttribute(type, KnownType.Microsoft_AspNetCore_Mvc_NonControllerAttribute, types))
        {
            return false;
        }

        return types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_ControllerBase)
            || HasAttribute(type, KnownType.Microsoft_AspNetCore_Mvc_ControllerAttribute, types);
    }

    /// <summary>
    /// A method shaped like an action: public, instance, ordinary, not generic, not abstract, not <c>[NonAction]</c> (here or where it
    /// is overridden), not an override of an <c>object</c> method, not <c>Dispose()</c>.
    /// </summary>
    public static bool IsAction(IMethodSymbol method, KnownTypes types)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public || method.IsStatic
            || method.IsAbstract || method.IsGenericMethod
            || (method.Name == "Dispose" && method.Parameters.Length == 0))
        {
            return false;
        }

        var root = method;
        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (current.OriginalDefinition.GetAttributes().Any(a => types.IsOrInherits(a.AttributeClass, KnownType.Microsoft_AspNetCore_Mvc_NonActionAttribute)))
            {
                return false;
            }

            root = current;
        }

        return root.ContainingType.SpecialType != SpecialType.System_Object;
    }

    /// <summary>A Razor Pages page model: a public, non-abstract class deriving from <c>PageModel</c>.</summary>
    public static bool IsPageModel(INamedTypeSymbol type, KnownTypes types)
        => type.TypeKind == TypeKind.Class && !type.IsAbstract && type.DeclaredAccessibility == Accessibility.Public
            && types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Mvc_RazorPages_PageModel);

    /// <summary>A page handler: a public instance method named <c>On{Verb}…</c>, not <c>[NonHandler]</c>.</summary>
    public static bool IsPageHandler(IMethodSymbol method, KnownTypes types)
        => method.MethodKind == MethodKind.Ordinary && method.DeclaredAccessibility == Accessibility.Public && !method.IsStatic
            && !method.IsAbstract && !method.IsGenericMethod
            && method.Name.StartsWith("On", StringComparison.Ordinal)
            && HandlerVerbs.Any(verb => string.CompareOrdinal(method.Name, 2, verb, 0, verb.Length) == 0)
            && !method.GetAttributes().Any(a => types.IsOrInherits(a.AttributeClass, KnownType.Microsoft_AspNetCore_Mvc_RazorPages_NonHandlerAttribute));

    /// <summary>The page handlers a page model declares.</summary>
    public static IEnumerable<IMethodSymbol> PageHandlers(INamedTypeSymbol type, KnownTypes types)
        => type.GetMembers().OfType<IMethodSymbol>().Where(m => IsPageHandler(m, types));

    /// <summary>A SignalR hub class.</summary>
    public static bool IsHub(INamedTypeSymbol type, KnownTypes types)
        => type.TypeKind == TypeKind.Class && !type.IsAbstract && types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_SignalR_Hub);

    /// <summary>
    /// Whether any public method of the class (or a base class in source) carries authorization attributes of its own: hub
    /// methods and gRPC methods can be authorized one by one, and such a class is taken as decided.
    /// </summary>
    public static bool HasMethodDecisions(INamedTypeSymbol type, KnownTypes types)
    {
        for (var current = type; current is not null && current.Locations.Any(l => l.IsInSource); current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
                    && AttributeState(method.GetAttributes(), types) != AuthorizationState.None)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasAttribute(INamedTypeSymbol type, KnownType attribute, KnownTypes types)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.GetAttributes().Any(a => types.IsOrInherits(a.AttributeClass, attribute)))
            {
                return true;
            }
        }

        return false;
    }

    private static Caches CacheOf(KnownTypes types) => CachesByCompilation.GetValue(types, static _ => new Caches());

    private sealed class Caches
    {
        public ConcurrentDictionary<INamedTypeSymbol, bool> Controllers { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<ITypeSymbol, AuthorizationState> TypeStates { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<INamedTypeSymbol, AuthorizationState> ClassStates { get; } = new(SymbolEqualityComparer.Default);
    }
}
