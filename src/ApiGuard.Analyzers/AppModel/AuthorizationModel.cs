using System.Runtime.CompilerServices;
using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>
/// The authorization facts of a compilation's apps, computed lazily, once per compilation, from the <see cref="WebAppModel"/> steps,
/// and shared by every rule: which endpoints an app maps and with what metadata, its fallback policy, global MVC filters and
/// conventions, and whether anything ApiGuard cannot see may change them. Rules ask for one endpoint (a <c>Map*</c> call, an
/// action, a hub) and get a verdict; they never walk trees themselves.
/// </summary>
internal sealed class AuthorizationModel
{
    private static readonly ConditionalWeakTable<Compilation, AuthorizationModel> Cache = new();

    private readonly Compilation _compilation;
    private readonly AppModelProvider _provider;
    private readonly object _gate = new();
    private ImmutableArray<AppAuthorization> _apps;
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _derivedControllers;

    private AuthorizationModel(Compilation compilation, KnownTypes types, AppModelProvider provider)
    {
        _compilation = compilation;
        Types = types;
        _provider = provider;
    }

    public KnownTypes Types { get; }

    public static AuthorizationModel GetOrCreate(Compilation compilation)
        => Cache.GetValue(compilation, static c => new AuthorizationModel(c, KnownTypes.GetOrCreate(c), AppModelProvider.GetOrCreate(c)));

    /// <summary>The authorization facts of every app of the compilation (apps that run only in Development are left out).</summary>
    public ImmutableArray<AppAuthorization> GetApps(CancellationToken cancellationToken)
    {
        if (!_apps.IsDefault)
        {
            return _apps;
        }

        lock (_gate)
        {
            if (_apps.IsDefault)
            {
                _apps = _provider.GetApps(cancellationToken)
                    .Where(a => !a.IsDevelopmentOnly)
                    .Select(a => AppAuthorization.Build(a, Types, _provider, cancellationToken))
                    .ToImmutableArray();
            }

            return _apps;
        }
    }

    /// <summary>A minimal-API endpoint: the <c>Map*</c> call at <paramref name="invocation"/>, in every app that makes it.</summary>
    public EndpointVerdict ForMapping(SyntaxNode invocation, CancellationToken cancellationToken)
    {
        var verdict = EndpointVerdict.NotAnEndpoint;
        foreach (var app in GetApps(cancellationToken))
        {
            if (app.MappingsBySyntax.TryGetValue(invocation, out var mapping) && mapping.Kind == MappingKind.MinimalApi)
            {
                verdict = verdict.Or(app.Decide(mapping.State), app, mapping, null);
            }
        }

        return verdict;
    }

    /// <summary>A controller action or a page handler, in every controller or page it is one of and every app that maps them.</summary>
    public EndpointVerdict ForMethod(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var type = method.ContainingType;
        if (type is null || type.TypeKind != TypeKind.Class)
        {
            return EndpointVerdict.NotAnEndpoint;
        }

        if (EndpointClasses.IsPageModel(type, Types))
        {
            return EndpointClasses.IsPageHandler(method, Types)
                ? ForPage(type, EndpointClasses.MethodState(method, Types), cancellationToken)
                : EndpointVerdict.NotAnEndpoint;
        }

        // Cheapest first, for every method of the compilation: is the class a controller, or a base class of one (both cached)?
        var isController = EndpointClasses.IsController(type, Types);
        List<INamedTypeSymbol>? derived = null;
        if ((!isController && (type.IsSealed || !GetDerivedControllers(cancellationToken).TryGetValue(type.OriginalDefinition, out derived)))
            || !EndpointClasses.IsAction(method, Types))
        {
            return EndpointVerdict.NotAnEndpoint;
        }

        var owners = new List<INamedTypeSymbol>();
        if (isController)
        {
            owners.Add(type);
        }

        if (!type.IsSealed && (derived is not null || GetDerivedControllers(cancellationToken).TryGetValue(type.OriginalDefinition, out derived)))
        {
            owners.AddRange(derived.Where(c => !IsOverriddenBelow(c, type, method)));
        }

        if (owners.Count == 0)
        {
            return EndpointVerdict.NotAnEndpoint;
        }

        var methodState = EndpointClasses.MethodState(method, Types);
        var verdict = EndpointVerdict.NotAnEndpoint;
        foreach (var app in GetApps(cancellationToken))
        {
            if (app.Controllers is not { } mapped)
            {
                continue;
            }

            foreach (var owner in owners)
            {
                var state = methodState.Layer(EndpointClasses.ClassState(owner, Types)).Layer(mapped);
                verdict = verdict.Or(app.Decide(state), app, null, owner);
            }
        }

        return verdict;
    }

    /// <summary>A hub, a gRPC service, or a page model without handlers: the class is the endpoint.</summary>
    public EndpointVerdict ForType(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            return EndpointVerdict.NotAnEndpoint;
        }

        if (EndpointClasses.IsPageModel(type, Types))
        {
            return EndpointClasses.PageHandlers(type, Types).Any() ? EndpointVerdict.NotAnEndpoint : ForPage(type, AuthorizationState.None, cancellationToken);
        }

        var isHub = EndpointClasses.IsHub(type, Types);
        if (!isHub && Types.Get(KnownType.Microsoft_AspNetCore_Builder_GrpcEndpointRouteBuilderExtensions) is null)
        {
            return EndpointVerdict.NotAnEndpoint;
        }

        var kind = isHub ? MappingKind.Hub : MappingKind.GrpcService;
        var classState = EndpointClasses.ClassState(type, Types);
        if (EndpointClasses.HasMethodDecisions(type, Types))
        {
            classState = classState.Layer(AuthorizationState.Authorize);
        }

        var verdict = EndpointVerdict.NotAnEndpoint;
        foreach (var app in GetApps(cancellationToken))
        {
            foreach (var mapping in app.Mappings)
            {
                if (mapping.Kind != kind)
                {
                    continue;
                }

                if (mapping.Service is null)
                {
                    // MapHub<T>() in a generic helper: which classes it maps is unknown.
                    verdict = verdict.Or(AuthorizationState.Unknown, app, mapping, type);
                }
                else if (SymbolEqualityComparer.Default.Equals(mapping.Service.OriginalDefinition, type.OriginalDefinition))
                {
                    verdict = verdict.Or(app.Decide(mapping.State.Layer(classState)), app, mapping, type);
                }
            }
        }

        return verdict;
    }

    private EndpointVerdict ForPage(INamedTypeSymbol type, AuthorizationState handlerState, CancellationToken cancellationToken)
    {
        // ASP.NET Core ignores authorization attributes on page handlers, but ApiGuard takes them as a decision made in code.
        var state = EndpointClasses.ClassState(type, Types).Layer(handlerState);
        var verdict = EndpointVerdict.NotAnEndpoint;
        foreach (var app in GetApps(cancellationToken))
        {
            if (app.Pages is { } mapped)
            {
                verdict = verdict.Or(app.Decide(state.Layer(mapped)), app, null, type);
            }
        }

        return verdict;
    }

    /// <summary>
    /// The controller classes declared in source, by each of their base classes (actions inherited from a base class are endpoints
    /// of these). Indexed once: every action of a non-sealed class asks.
    /// </summary>
    private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> GetDerivedControllers(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _derivedControllers) is { } known)
        {
            return known;
        }

        var derived = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(_compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = namespaces.Pop();
            foreach (var member in current.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    namespaces.Push(child);
                }
                else if (member is INamedTypeSymbol type && EndpointClasses.IsController(type, Types))
                {
                    for (var baseType = type.BaseType; baseType is not null && baseType.SpecialType != SpecialType.System_Object; baseType = baseType.BaseType)
                    {
                        if (!derived.TryGetValue(baseType.OriginalDefinition, out var list))
                        {
                            derived[baseType.OriginalDefinition] = list = new List<INamedTypeSymbol>();
                        }

                        list.Add(type);
                    }
                }
            }
        }

        Interlocked.CompareExchange(ref _derivedControllers, derived, null);
        return _derivedControllers!;
    }

    /// <summary>Whether a class between <paramref name="controller"/> and <paramref name="declaring"/> overrides <paramref name="method"/> (then the override is the action).</summary>
    private static bool IsOverriddenBelow(INamedTypeSymbol controller, INamedTypeSymbol declaring, IMethodSymbol method)
    {
        for (var current = controller; current is not null && !SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, declaring.OriginalDefinition); current = current.BaseType)
        {
            foreach (var candidate in current.GetMembers(method.Name).OfType<IMethodSymbol>())
            {
                for (var overridden = candidate.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, method.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}

/// <summary>What one endpoint's authorization comes to, over every app and every way it is reached.</summary>
internal sealed class EndpointVerdict
{
    public static readonly EndpointVerdict NotAnEndpoint = new(null, null, null, null);

    private EndpointVerdict(AuthorizationState? state, AppAuthorization? app, EndpointMapping? mapping, INamedTypeSymbol? type)
    {
        State = state;
        App = app;
        Mapping = mapping;
        Type = type;
    }

    /// <summary>The final state: <see cref="AuthorizationState.None"/> means reachable without authorization. Null when it is no endpoint of any app.</summary>
    public AuthorizationState? State { get; }

    public bool IsUnprotected => State == AuthorizationState.None;

    /// <summary>The (first) app in which it is reachable without authorization.</summary>
    public AppAuthorization? App { get; }

    /// <summary>The mapping call that leaves it unprotected (minimal APIs, hubs, gRPC services).</summary>
    public EndpointMapping? Mapping { get; }

    /// <summary>The controller, page model, hub or service class (the first unprotected one, for an inherited action).</summary>
    public INamedTypeSymbol? Type { get; }

    /// <summary>One more way to reach the endpoint: unknown anywhere keeps the rule silent; otherwise one unprotected way is enough.</summary>
    public EndpointVerdict Or(AuthorizationState state, AppAuthorization app, EndpointMapping? mapping, INamedTypeSymbol? type)
    {
        if (State is null)
        {
            return new EndpointVerdict(state, app, mapping, type);
        }

        var combined = State.Value.OrPath(state);
        return IsUnprotected || combined != AuthorizationState.None
            ? new EndpointVerdict(combined, App, Mapping, Type)
            : new EndpointVerdict(combined, app, mapping, type);
    }
}
