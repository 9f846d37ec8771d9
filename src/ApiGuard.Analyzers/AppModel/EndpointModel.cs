using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>
/// The authorization metadata an endpoint carries, or one layer of it: its own conventions, a route group, an attribute, a global
/// filter. The order is the precedence when layers combine (<see cref="AuthorizationStates.Layer"/>): ASP.NET Core skips
/// authorization when any <c>IAllowAnonymous</c> metadata is present, so <see cref="Anonymous"/> wins over <see cref="Authorize"/>.
/// </summary>
internal enum AuthorizationState
{
    /// <summary>No authorization metadata: the fallback policy, if any, decides.</summary>
    None,

    /// <summary>Something ApiGuard cannot see through may add metadata (a convention of user code, a filter of its own). Rules stay silent.</summary>
    Unknown,

    /// <summary>Authorization is required (<c>[Authorize]</c>, <c>RequireAuthorization()</c>, a global <c>AuthorizeFilter</c>, a fallback policy).</summary>
    Authorize,

    /// <summary>Explicitly public (<c>[AllowAnonymous]</c>, <c>AllowAnonymous()</c>): a decision made in code.</summary>
    Anonymous,
}

internal static class AuthorizationStates
{
    /// <summary>Two layers of the same endpoint: the one with the higher precedence holds.</summary>
    public static AuthorizationState Layer(this AuthorizationState a, AuthorizationState b) => a > b ? a : b;

    /// <summary>
    /// Two ways the same code is reached (a helper called from two places): <see cref="AuthorizationState.Unknown"/> if either is
    /// unknown, else <see cref="AuthorizationState.None"/> if either leaves the endpoint without metadata.
    /// </summary>
    public static AuthorizationState OrPath(this AuthorizationState a, AuthorizationState b)
        => a == AuthorizationState.Unknown || b == AuthorizationState.Unknown ? AuthorizationState.Unknown
            : a == AuthorizationState.None || b == AuthorizationState.None ? AuthorizationState.None
            : a.Layer(b);
}

/// <summary>What an endpoint-mapping call maps.</summary>
internal enum MappingKind
{
    /// <summary><c>Map</c>, <c>MapGet</c>, <c>MapPost</c>, <c>MapPut</c>, <c>MapDelete</c>, <c>MapPatch</c>, <c>MapMethods</c>: one minimal-API endpoint.</summary>
    MinimalApi,

    /// <summary><c>MapGroup</c>: a route group (its conventions apply to everything mapped in it).</summary>
    Group,

    /// <summary><c>MapControllers</c>: every controller action (its conventions apply to all of them).</summary>
    Controllers,

    /// <summary><c>MapControllerRoute</c>, <c>MapDefaultControllerRoute</c>, <c>MapAreaControllerRoute</c>, <c>MapFallbackToController</c>, <c>UseMvc</c>: conventional routes.</summary>
    ControllerRoute,

    /// <summary><c>MapRazorPages</c>, <c>MapFallbackToPage</c> (and <c>UseMvc</c>).</summary>
    RazorPages,

    /// <summary><c>MapHub&lt;THub&gt;</c>.</summary>
    Hub,

    /// <summary><c>MapGrpcService&lt;TService&gt;</c>.</summary>
    GrpcService,

    /// <summary>
    /// Anything else: health checks, static assets, SPA fallbacks, OpenAPI documents, Identity API endpoints, … (public by
    /// convention, or not checked).
    /// </summary>
    Other,
}

/// <summary>One endpoint-mapping call of an app, with the authorization metadata its conventions and route groups give it.</summary>
internal sealed class EndpointMapping
{
    public EndpointMapping(AppStep step, MappingKind kind, ITypeSymbol? service, AuthorizationState state, ImmutableArray<IInvocationOperation> groups, bool groupsKnown, string? route)
    {
        Step = step;
        Kind = kind;
        Service = service;
        State = state;
        Groups = groups;
        GroupsKnown = groupsKnown;
        Route = route;
    }

    /// <summary>The first step that makes the call (a helper called from several places makes several).</summary>
    public AppStep Step { get; }

    public IInvocationOperation Invocation => (IInvocationOperation)Step.Operation;

    public MappingKind Kind { get; }

    /// <summary>The hub or gRPC service type; null for other kinds, or when it is a type parameter.</summary>
    public ITypeSymbol? Service { get; }

    /// <summary>
    /// The metadata from the call's own conventions, its handler's attributes (minimal APIs), its route groups and its environment
    /// guard (<see cref="AuthorizationState.Unknown"/> under a guard ApiGuard cannot classify).
    /// </summary>
    public AuthorizationState State { get; }

    /// <summary>The <c>MapGroup</c> calls the endpoint is mapped in, innermost first (when <see cref="GroupsKnown"/>).</summary>
    public ImmutableArray<IInvocationOperation> Groups { get; }

    /// <summary>Whether the call is reached through one chain of groups only, all of them resolved.</summary>
    public bool GroupsKnown { get; }

    /// <summary>The route for messages (<c>GET /api/orders/{id}</c>), when the patterns are constants.</summary>
    public string? Route { get; }

    public override string ToString() => $"{Kind} {Route} [{State}]";
}

/// <summary>
/// Follows endpoint and route-group builders through an app's code: fluent chains, locals, route groups (nested too), user helpers
/// they are passed to or returned from, and <c>UseEndpoints</c> callbacks. Finds the conventions applied to a builder and the
/// groups a mapping call is made in. Anything it cannot follow gives <see cref="AuthorizationState.Unknown"/>.
/// </summary>
internal sealed class EndpointFlow
{
    private const int MaxDepth = 8;

    private readonly WebAppModel _app;
    private readonly KnownTypes _types;
    private readonly AppModelProvider _provider;
    private readonly CancellationToken _cancellationToken;

    /// <summary>What each helper parameter resolves to, by depth: every endpoint a helper maps asks the same question.</summary>
    private readonly Dictionary<(IParameterSymbol Parameter, int Depth), Resolution> _parameters = new(SymbolKeyComparer<IParameterSymbol, int>.Instance);

    /// <summary>What the callers of each helper do with the builder it returns, by depth.</summary>
    private readonly Dictionary<(IMethodSymbol Method, int Depth), AuthorizationState> _returns = new(SymbolKeyComparer<IMethodSymbol, int>.Instance);

    /// <summary>The app's calls by the member they call (built on first use).</summary>
    private Dictionary<ISymbol, List<IInvocationOperation>>? _callSites;

    public EndpointFlow(WebAppModel app, KnownTypes types, AppModelProvider provider, CancellationToken cancellationToken)
    {
        _app = app;
        _types = types;
        _provider = provider;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The kind of a mapping method (<c>Map*</c> on an endpoint route builder, or <c>UseMvc*</c>); null when it maps nothing.</summary>
    public static MappingKind? KindOf(IMethodSymbol method, KnownTypes types)
    {
        var original = (method.ReducedFrom ?? method).OriginalDefinition;
        var type = original.ContainingType;
        if (types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_MvcApplicationBuilderExtensions))
        {
            return original.Name.StartsWith("UseMvc", StringComparison.Ordinal) ? MappingKind.ControllerRoute : null;
        }

        if (!original.Name.StartsWith("Map", StringComparison.Ordinal)
            || !original.IsExtensionMethod
            || original.Parameters.Length == 0
            || !types.IsOrInherits(original.Parameters[0].Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder))
        {
            return null;
        }

        if (types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_EndpointRouteBuilderExtensions))
        {
            return original.Name switch
            {
                "Map" or "MapGet" or "MapPost" or "MapPut" or "MapDelete" or "MapPatch" or "MapMethods" => MappingKind.MinimalApi,
                "MapGroup" => MappingKind.Group,
                _ => MappingKind.Other,
            };
        }

        if (types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_ControllerEndpointRouteBuilderExtensions))
        {
            return original.Name == "MapControllers" ? MappingKind.Controllers : MappingKind.ControllerRoute;
        }

        if (types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_RazorPagesEndpointRouteBuilderExtensions))
        {
            return MappingKind.RazorPages;
        }

        if (types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_HubEndpointRouteBuilderExtensions) && original.Name == "MapHub")
        {
            return MappingKind.Hub;
        }

        if (types.IsType(type, KnownType.Microsoft_AspNetCore_Builder_GrpcEndpointRouteBuilderExtensions) && original.Name == "MapGrpcService")
        {
            return MappingKind.GrpcService;
        }

        // A Map* method of the user's is a helper (the app model follows it); one of a library maps endpoints of its own.
        return IsInSource(original) ? null : MappingKind.Other;
    }

    /// <summary>Evaluates one mapping call of the app (all the steps that make it).</summary>
    public EndpointMapping? Evaluate(ImmutableArray<AppStep> steps, MappingKind kind)
    {
        var live = steps.Where(s => s.Guard != GuardKind.DevelopmentOnly).ToList();
        if (live.Count == 0 || live[0].Operation is not IInvocationOperation invocation)
        {
            return null;
        }

        ITypeSymbol? service = null;
        if (kind is MappingKind.Hub or MappingKind.GrpcService)
        {
            service = invocation.TargetMethod.TypeArguments.FirstOrDefault() is { TypeKind: not TypeKind.TypeParameter } argument ? argument : null;
        }

        var state = live.Any(s => s.Guard == GuardKind.Unknown) ? AuthorizationState.Unknown : AuthorizationState.None;
        state = state.Layer(ConventionsOn(invocation, 0, null));
        if (kind == MappingKind.MinimalApi)
        {
            state = state.Layer(HandlerState(invocation));
        }

        // UseMvc() is made on the application builder: it maps at the root, and takes no conventions.
        var receiver = ReceiverArgument(invocation);
        var resolution = _types.IsType(invocation.TargetMethod.ContainingType, KnownType.Microsoft_AspNetCore_Builder_MvcApplicationBuilderExtensions) ? Resolution.Root
            : receiver is null ? Resolution.Unknown
            : ResolveReceiver(receiver, 0);
        state = state.Layer(resolution.State);

        string? route = null;
        if (kind == MappingKind.MinimalApi)
        {
            var verb = invocation.TargetMethod.Name switch
            {
                "MapGet" => "GET ",
                "MapPost" => "POST ",
                "MapPut" => "PUT ",
                "MapDelete" => "DELETE ",
                "MapPatch" => "PATCH ",
                _ => string.Empty,
            };
            route = resolution.Prefix is not null && Pattern(invocation, "pattern") is { } pattern ? verb + Join(resolution.Prefix, pattern) : null;
        }

        return new EndpointMapping(live[0], kind, service, state, resolution.Groups, resolution.GroupsKnown, route);
    }

    /// <summary>
    /// The conventions applied to the builder <paramref name="producer"/> produces (a <c>Map*</c> or <c>MapGroup</c> call), wherever
    /// it goes: up a fluent chain, into a local, into a user helper, back from a helper to its callers.
    /// </summary>
    private AuthorizationState ConventionsOn(IOperation producer, int depth, IMethodSymbol? returnsTo)
    {
        if (depth > MaxDepth)
        {
            return AuthorizationState.Unknown;
        }

        var state = AuthorizationState.None;
        var current = producer;
        while (true)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var parent = current.Parent;
            while (parent is IConversionOperation or IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IArgumentOperation { Parent: IInvocationOperation invocation } argument:
                    {
                        var method = invocation.TargetMethod;
                        var isReceiver = method.IsExtensionMethod && invocation.Arguments.Length > 0 && ReferenceEquals(invocation.Arguments[0], argument);
                        if (isReceiver && KindOf(method, _types) is not null)
                        {
                            // A child endpoint or group: its conventions are its own.
                            return state;
                        }

                        if (IsInSource(method))
                        {
                            // A helper of the user's: what it does with the parameter, then (if it returns a builder) what the caller does with the result.
                            state = state.Layer(IntoHelper(invocation, argument, depth));
                            if (!ReturnsBuilder(method))
                            {
                                return state;
                            }

                            current = invocation;
                            continue;
                        }

                        if (!isReceiver)
                        {
                            // Passed to a library method that is not a convention: it may add anything.
                            return state.Layer(AuthorizationState.Unknown);
                        }

                        state = state.Layer(Convention(invocation));
                        current = invocation;
                        continue;
                    }

                case IInvocationOperation invocation when ReferenceEquals(invocation.Instance, current):
                    // An instance method of the builder: Add(convention) and Finally(convention) may add anything.
                    return invocation.TargetMethod.Name is "Add" or "Finally" ? state.Layer(AuthorizationState.Unknown) : state;

                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    return state.Layer(ConventionsOnLocal(declarator.Symbol, parent, depth, returnsTo));

                case ISimpleAssignmentOperation assignment when ReferenceEquals(assignment.Value, current):
                    return assignment.Target switch
                    {
                        IDiscardOperation => state,
                        ILocalReferenceOperation local => state.Layer(ConventionsOnLocal(local.Local, parent, depth, returnsTo)),
                        _ => state.Layer(AuthorizationState.Unknown),
                    };

                case IExpressionStatementOperation:
                    return state;

                case IReturnOperation returned:
                    return state.Layer(Returned(returned, depth, returnsTo));

                default:
                    return state.Layer(AuthorizationState.Unknown);
            }
        }
    }

    /// <summary>The conventions applied through every use of a local that holds the builder.</summary>
    private AuthorizationState ConventionsOnLocal(ILocalSymbol local, IOperation anywhere, int depth, IMethodSymbol? returnsTo)
    {
        var state = AuthorizationState.None;
        if (UsesOf(local, anywhere) is not { } uses)
        {
            return state;
        }

        foreach (var reference in uses.References)
        {
            if (!(reference.Parent is ISimpleAssignmentOperation assignment && ReferenceEquals(assignment.Target, reference)))
            {
                state = state.Layer(ConventionsOn(reference, depth + 1, returnsTo));
            }
        }

        return state;
    }

    /// <summary>The builder is returned: from a helper entered from its caller (the caller goes on), or from one the app calls.</summary>
    private AuthorizationState Returned(IReturnOperation returned, int depth, IMethodSymbol? returnsTo)
    {
        if (EnclosingFunction(returned) is not IMethodSymbol method || method.MethodKind == MethodKind.AnonymousFunction)
        {
            return AuthorizationState.Unknown;
        }

        if (returnsTo is not null && SymbolEqualityComparer.Default.Equals(method.OriginalDefinition, returnsTo.OriginalDefinition))
        {
            return AuthorizationState.None;
        }

        // Every endpoint a helper maps reaches the same return: what its callers do with the builder is worked out once.
        var key = (method.OriginalDefinition, depth);
        if (_returns.TryGetValue(key, out var known))
        {
            return known;
        }

        var callSites = CallSites(method);
        var state = callSites.Count == 0 ? AuthorizationState.Unknown : AuthorizationState.None;
        foreach (var call in callSites)
        {
            state = state.Layer(ConventionsOn(call, depth + 1, null));
        }

        return _returns[key] = state;
    }

    /// <summary>What a helper of the user's does with the builder passed as <paramref name="argument"/>.</summary>
    private AuthorizationState IntoHelper(IInvocationOperation invocation, IArgumentOperation argument, int depth)
    {
        var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
        if (argument.Parameter is not { } parameter || _provider.BodyOf(method, _cancellationToken) is not { } body)
        {
            return AuthorizationState.Unknown;
        }

        var state = AuthorizationState.None;
        foreach (var reference in body.Descendants().OfType<IParameterReferenceOperation>())
        {
            if (reference.Parameter.Ordinal == parameter.Ordinal
                && SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol.OriginalDefinition, method))
            {
                state = state.Layer(ConventionsOn(reference, depth + 1, method));
            }
        }

        return state;
    }

    /// <summary>What a convention call (a library method called on the builder) adds.</summary>
    private AuthorizationState Convention(IInvocationOperation invocation)
    {
        var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
        var state = AuthorizationState.None;
        if (_types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_AuthorizationEndpointConventionBuilderExtensions))
        {
            state = method.Name switch
            {
                "RequireAuthorization" => AuthorizationState.Authorize,
                "AllowAnonymous" => AuthorizationState.Anonymous,
                _ => AuthorizationState.Unknown,
            };
        }
        else if (_types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_RoutingEndpointConventionBuilderExtensions) && method.Name == "WithMetadata")
        {
            foreach (var item in invocation.Arguments.Skip(1).SelectMany(Items))
            {
                state = state.Layer(MetadataState(item));
            }

            return Guarded(invocation, state);
        }
        else if (method.Name.StartsWith("AddEndpointFilter", StringComparison.Ordinal)
            || (method.Name.StartsWith("Require", StringComparison.Ordinal) && method.Name is not ("RequireCors" or "RequireRateLimiting" or "RequireHost"))
            || !AppModelProvider.IsKnownLibrary(method.ContainingAssembly))
        {
            // An endpoint filter (it may check the caller), an authorization-like requirement of another library, or a library ApiGuard does not know.
            state = AuthorizationState.Unknown;
        }

        return Guarded(invocation, state);
    }

    /// <summary>A convention that runs only in Development protects nothing in production; one under an unclassified guard is unknown.</summary>
    private AuthorizationState Guarded(IOperation operation, AuthorizationState state)
        => state == AuthorizationState.None ? state
            : EnvironmentGuard.Classify(operation, _types) switch
            {
                GuardKind.DevelopmentOnly => AuthorizationState.None,
                GuardKind.Unknown => AuthorizationState.Unknown,
                _ => state,
            };

    /// <summary>A <c>WithMetadata</c> item: an <c>IAuthorizeData</c> or <c>IAllowAnonymous</c> instance, or something else.</summary>
    private AuthorizationState MetadataState(IOperation item)
    {
        var value = Unwrap(item);
        var type = value is IObjectCreationOperation creation ? creation.Type : value.Type;
        var state = EndpointClasses.TypeState(type, _types);
        if (state != AuthorizationState.None || value is IObjectCreationOperation || type is null)
        {
            return state;
        }

        // A value of a type that a subclass could extend with authorization data.
        return type.IsSealed || type.IsValueType || type.SpecialType == SpecialType.System_String ? AuthorizationState.None : AuthorizationState.Unknown;
    }

    /// <summary>The attributes of a minimal-API handler (a lambda or a method): <c>[Authorize]</c>, <c>[AllowAnonymous]</c>, ….</summary>
    private AuthorizationState HandlerState(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is not { } type || !(type.TypeKind == TypeKind.Delegate || type.SpecialType == SpecialType.System_Delegate))
            {
                continue;
            }

            return Unwrap(argument.Value) switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } => EndpointClasses.AttributeState(function.Symbol.GetAttributes(), _types),
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => EndpointClasses.AttributeState(reference.Method.GetAttributes(), _types),
                IAnonymousFunctionOperation function => EndpointClasses.AttributeState(function.Symbol.GetAttributes(), _types),
                _ => AuthorizationState.Unknown,
            };
        }

        return AuthorizationState.None;
    }

    /// <summary>Where the builder a mapping call is made on comes from: the app itself, a route group (nested ones too), or unknown.</summary>
    private Resolution ResolveReceiver(IOperation receiver, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        receiver = Unwrap(receiver);
        if (depth > MaxDepth)
        {
            return Resolution.Unknown;
        }

        if (_types.IsOrInherits(receiver.Type, KnownType.Microsoft_AspNetCore_Builder_WebApplication))
        {
            return Resolution.Root;
        }

        switch (receiver)
        {
            case IInvocationOperation invocation when KindOf(invocation.TargetMethod, _types) == MappingKind.Group:
                {
                    var own = ConventionsOn(invocation, depth, null);
                    var outer = ReceiverArgument(invocation) is { } groupReceiver ? ResolveReceiver(groupReceiver, depth + 1) : Resolution.Unknown;
                    var prefix = outer.Prefix is not null && Pattern(invocation, "prefix") is { } pattern ? Join(outer.Prefix, pattern) : null;
                    return new Resolution(own.Layer(outer.State), outer.Groups.Insert(0, invocation), outer.GroupsKnown, prefix);
                }

            case IInvocationOperation invocation when invocation.TargetMethod.IsExtensionMethod
                && !IsInSource(invocation.TargetMethod)
                && KindOf(invocation.TargetMethod, _types) is null
                && ReceiverArgument(invocation) is { } inner
                && SymbolEqualityComparer.Default.Equals(inner.Type, invocation.Type):
                // A convention in the chain (app.MapGroup("/api").RequireAuthorization().MapGet(...)): the group's conventions are found from the group.
                return ResolveReceiver(inner, depth + 1);

            case ILocalReferenceOperation local:
                return Initializer(local) is { } value ? ResolveReceiver(value, depth + 1) : Resolution.Unknown;

            case IParameterReferenceOperation parameter:
                return ResolveParameter(parameter, depth);

            default:
                return Resolution.Unknown;
        }
    }

    /// <summary>A parameter: of a <c>UseEndpoints</c> callback (the app), or of a helper (what its callers pass).</summary>
    private Resolution ResolveParameter(IParameterReferenceOperation reference, int depth)
    {
        if (reference.Parameter.ContainingSymbol is not IMethodSymbol owner)
        {
            return Resolution.Unknown;
        }

        if (owner.MethodKind == MethodKind.AnonymousFunction)
        {
            for (var current = reference.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, owner))
                {
                    return function.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation callback } }
                        && _types.IsType((callback.TargetMethod.ReducedFrom ?? callback.TargetMethod).ContainingType, KnownType.Microsoft_AspNetCore_Builder_EndpointRoutingApplicationBuilderExtensions)
                        ? Resolution.Root
                        : Resolution.Unknown;
                }
            }

            return Resolution.Unknown;
        }

        var key = (reference.Parameter, depth);
        if (_parameters.TryGetValue(key, out var known))
        {
            return known;
        }

        Resolution? result = null;
        foreach (var call in CallSites(owner))
        {
            var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == reference.Parameter.Ordinal);
            var resolution = argument is null ? Resolution.Unknown : ResolveReceiver(argument.Value, depth + 1);
            result = result is null ? resolution : result.Or(resolution);
        }

        return _parameters[key] = result ?? Resolution.Unknown;
    }

    /// <summary>The value a local is initialized with, when it is never assigned again.</summary>
    private IOperation? Initializer(ILocalReferenceOperation reference)
        => LocalValues.IsReassigned(reference) ? null : LocalValues.DeclaredValue(reference);

    /// <summary>The declaration, assignments and references of <paramref name="local"/> in the body that holds <paramref name="anywhere"/>.</summary>
    private static LocalUses? UsesOf(ILocalSymbol local, IOperation anywhere) => LocalIndex.Of(anywhere).UsesOf(local);

    /// <summary>The calls the app makes to a helper (a method or local function of the user's), from its steps.</summary>
    private List<IInvocationOperation> CallSites(IMethodSymbol method)
    {
        if (_callSites is null)
        {
            // Indexed once: every helper parameter and every returned builder asks, and a large app has thousands of steps.
            _callSites = new Dictionary<ISymbol, List<IInvocationOperation>>(SymbolEqualityComparer.Default);
            var seen = new HashSet<SyntaxNode>();
            foreach (var step in _app.Steps)
            {
                if (step.Operation is IInvocationOperation invocation && seen.Add(invocation.Syntax))
                {
                    if (!_callSites.TryGetValue(step.Member, out var calls))
                    {
                        _callSites[step.Member] = calls = new List<IInvocationOperation>();
                    }

                    calls.Add(invocation);
                }
            }
        }

        return _callSites.TryGetValue(method.OriginalDefinition, out var found) ? found : new List<IInvocationOperation>();
    }

    private bool ReturnsBuilder(IMethodSymbol method)
        => !method.ReturnsVoid && _types.IsOrInherits(method.ReturnType, KnownType.Microsoft_AspNetCore_Builder_IEndpointConventionBuilder);

    private static bool IsInSource(IMethodSymbol method)
        => (method.ReducedFrom ?? method).OriginalDefinition.Locations.FirstOrDefault() is { IsInSource: true };

    private static IOperation? ReceiverArgument(IInvocationOperation invocation)
        => invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    private static IEnumerable<IOperation> Items(IArgumentOperation argument)
        => argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer }
            ? initializer.ElementValues
            : new[] { argument.Value };

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }

    private static ISymbol? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function:
                    return function.Symbol;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol;
            }
        }

        return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart);
    }

    private static string? Pattern(IInvocationOperation invocation, string parameterName)
        => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName)?.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;

    private static string Join(string prefix, string pattern)
    {
        var left = prefix.Trim('/');
        var right = pattern.Trim('/');
        return "/" + (left.Length == 0 ? right : right.Length == 0 ? left : left + "/" + right);
    }

    /// <summary>Where a builder comes from: its route groups, what they add, and the route prefix.</summary>
    private sealed class Resolution
    {
        public static readonly Resolution Root = new(AuthorizationState.None, ImmutableArray<IInvocationOperation>.Empty, true, string.Empty);

        public static readonly Resolution Unknown = new(AuthorizationState.Unknown, ImmutableArray<IInvocationOperation>.Empty, false, null);

        public Resolution(AuthorizationState state, ImmutableArray<IInvocationOperation> groups, bool groupsKnown, string? prefix)
        {
            State = state;
            Groups = groups;
            GroupsKnown = groupsKnown;
            Prefix = prefix;
        }

        public AuthorizationState State { get; }

        public ImmutableArray<IInvocationOperation> Groups { get; }

        public bool GroupsKnown { get; }

        public string? Prefix { get; }

        /// <summary>Two ways to the same code: the groups are known only when both ways agree.</summary>
        public Resolution Or(Resolution other)
        {
            var same = GroupsKnown && other.GroupsKnown && Groups.Select(g => g.Syntax).SequenceEqual(other.Groups.Select(g => g.Syntax));
            return new Resolution(State.OrPath(other.State), same ? Groups : ImmutableArray<IInvocationOperation>.Empty, same, Prefix == other.Prefix ? Prefix : null);
        }
    }
}
