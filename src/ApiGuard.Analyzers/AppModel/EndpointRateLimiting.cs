using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>The rate-limit metadata an endpoint carries.</summary>
internal enum RateLimitingState
{
    /// <summary>No policy and no opt-out: only a global limiter would apply.</summary>
    None,

    /// <summary>Something ApiGuard cannot follow may add metadata (a helper of the user's, a builder stored elsewhere). Rules stay silent.</summary>
    Unknown,

    /// <summary>A policy applies: <c>RequireRateLimiting(...)</c>, <c>[EnableRateLimiting]</c>, on the endpoint, its group or its class.</summary>
    Limited,

    /// <summary>The endpoint opts out: <c>DisableRateLimiting()</c> or <c>[DisableRateLimiting]</c> (which wins over any policy).</summary>
    Disabled,
}

/// <summary>
/// Which rate-limit metadata a minimal-API mapping or a controller action carries, and the route it answers. A small, local
/// reading: the fluent chain on a <c>Map*</c> call, the route groups held in locals of the same body (and calls made on those
/// locals), the handler's attributes, and an action's and its controller's attributes. Anything else is
/// <see cref="RateLimitingState.Unknown"/>.
/// </summary>
internal static class EndpointRateLimiting
{
    private const int MaxDepth = 6;

    /// <summary>The metadata of the endpoint mapped by <paramref name="mapping"/>, its route (group prefixes included) and the opt-out call, if any.</summary>
    public static (RateLimitingState State, string? Route, IInvocationOperation? DisableCall) OfMapping(IInvocationOperation mapping, KnownTypes types)
    {
        var (state, disable) = Chain(mapping, types);
        if (state == RateLimitingState.Unknown)
        {
            return (state, null, null);
        }

        foreach (var argument in mapping.Arguments)
        {
            if (Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
            {
                state = Combine(state, Attributes(lambda.Symbol.GetAttributes(), types));
            }
        }

        var (groupState, prefix) = Receiver(mapping, types, 0);
        state = Combine(state, groupState);
        var pattern = mapping.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
        var route = prefix is null ? null : Join(prefix, pattern ?? string.Empty);
        return (state, route, state == RateLimitingState.Disabled ? disable : null);
    }

    /// <summary>The metadata of a controller action: its own attributes, then its class's (base classes included).</summary>
    public static RateLimitingState OfAction(IMethodSymbol action, KnownTypes types)
    {
        var state = Attributes(action.GetAttributes(), types);
        for (var type = action.ContainingType; type is not null; type = type.BaseType)
        {
            state = Combine(state, Attributes(type.GetAttributes(), types));
        }

        return state;
    }

    /// <summary>The route templates of an action, with its controller's, and <c>[controller]</c>/<c>[action]</c> filled in (lower case).</summary>
    public static ImmutableArray<string> RoutesOfAction(IMethodSymbol action, KnownTypes types)
    {
        var controller = action.ContainingType.Name.EndsWith("Controller", StringComparison.Ordinal)
            ? action.ContainingType.Name.Substring(0, action.ContainingType.Name.Length - "Controller".Length)
            : action.ContainingType.Name;
        var prefixes = Templates(action.ContainingType.GetAttributes(), types).DefaultIfEmpty(string.Empty).ToList();
        var own = Templates(action.GetAttributes(), types).DefaultIfEmpty(string.Empty).ToList();
        var routes = ImmutableArray.CreateBuilder<string>();
        foreach (var prefix in prefixes)
        {
            foreach (var template in own)
            {
                var route = template.StartsWith("/", StringComparison.Ordinal) || template.StartsWith("~/", StringComparison.Ordinal) ? template.TrimStart('~') : Join(prefix, template);
                routes.Add(route.Replace("[controller]", controller).Replace("[action]", action.Name).ToLowerInvariant());
            }
        }

        return routes.ToImmutable();
    }

    /// <summary>Whether a route matches one of <paramref name="routes"/>: a segment equals it, or it is a run of whole segments of the route.</summary>
    public static bool MatchesAny(string route, ImmutableArray<string> routes)
    {
        var segments = route.ToLowerInvariant().Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.StartsWith("{", StringComparison.Ordinal))
            .ToArray();
        var path = "/" + string.Join("/", segments) + "/";
        return routes.Any(r => path.IndexOf("/" + r.Trim('/').ToLowerInvariant() + "/", StringComparison.Ordinal) >= 0);
    }

    private static IEnumerable<string> Templates(ImmutableArray<AttributeData> attributes, KnownTypes types)
        => attributes
            .Where(a => types.IsOrInherits(a.AttributeClass, KnownType.Microsoft_AspNetCore_Mvc_Routing_IRouteTemplateProvider))
            .SelectMany(a => a.ConstructorArguments.Where(c => c.Value is string).Select(c => (string)c.Value!));

    /// <summary>The conventions applied on the builder a call returns: up its fluent chain, which must end in a statement.</summary>
    private static (RateLimitingState State, IInvocationOperation? Disable) Chain(IOperation call, KnownTypes types)
    {
        var state = RateLimitingState.None;
        IInvocationOperation? disable = null;
        var current = call;
        while (true)
        {
            var parent = current.Parent;
            while (parent is IConversionOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            IInvocationOperation? next = null;
            if (parent is IArgumentOperation argument && argument.Parent is IInvocationOperation extension
                && extension.TargetMethod.IsExtensionMethod && ReferenceEquals(extension.Arguments[0], argument))
            {
                next = extension;
            }
            else if (parent is IInvocationOperation instanceCall && ReferenceEquals(instanceCall.Instance, current))
            {
                next = instanceCall;
            }

            if (next is null)
            {
                return parent is IExpressionStatementOperation ? (state, disable) : (RateLimitingState.Unknown, null);
            }

            var (callState, isDisable) = Convention(next, types);
            if (isDisable)
            {
                disable ??= next;
            }

            state = Combine(state, callState);
            current = next;
        }
    }

    private static (RateLimitingState State, bool IsDisable) Convention(IInvocationOperation call, KnownTypes types)
    {
        var method = call.TargetMethod;
        if (types.IsMethod(method, KnownType.Microsoft_AspNetCore_Builder_RateLimiterEndpointConventionBuilderExtensions, "RequireRateLimiting"))
        {
            return (RateLimitingState.Limited, false);
        }

        if (types.IsMethod(method, KnownType.Microsoft_AspNetCore_Builder_RateLimiterEndpointConventionBuilderExtensions, "DisableRateLimiting"))
        {
            return (RateLimitingState.Disabled, true);
        }

        if (!AppModelProvider.IsKnownLibrary(method.ContainingAssembly))
        {
            return (RateLimitingState.Unknown, false);
        }

        // WithMetadata(new EnableRateLimitingAttribute("policy")) and the like.
        var state = RateLimitingState.None;
        foreach (var argument in call.Arguments)
        {
            foreach (var creation in argument.Value.DescendantsAndSelf().OfType<IObjectCreationOperation>())
            {
                if (types.IsType(creation.Type, KnownType.Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute))
                {
                    state = Combine(state, RateLimitingState.Limited);
                }
                else if (types.IsType(creation.Type, KnownType.Microsoft_AspNetCore_RateLimiting_DisableRateLimitingAttribute))
                {
                    state = Combine(state, RateLimitingState.Disabled);
                }
            }
        }

        return (state, false);
    }

    /// <summary>The builder a mapping call is made on: the app (no metadata), or a route group held in a local of the same body.</summary>
    private static (RateLimitingState State, string? Prefix) Receiver(IInvocationOperation call, KnownTypes types, int depth)
    {
        var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        receiver = receiver is null ? null : Unwrap(receiver);
        switch (receiver)
        {
            case null:
                return (RateLimitingState.Unknown, null);

            case IInvocationOperation group when IsMapGroup(group, types) && depth < MaxDepth:
                // app.MapGroup("/auth").MapPost(...): the group's own chain is this call.
                var (outer, outerPrefix) = Receiver(group, types, depth + 1);
                return (outer, outerPrefix is null ? null : Join(outerPrefix, Prefix(group)));

            case ILocalReferenceOperation local when depth < MaxDepth:
                if (LocalValues.IsReassigned(local) || LocalValues.DeclaredValue(local) is not { } declared)
                {
                    return (RateLimitingState.Unknown, null);
                }

                return Group(local, Unwrap(declared), types, depth);

            case IParameterReferenceOperation or IInstanceReferenceOperation:
            case ILocalReferenceOperation:
                // The app itself (`app`, a UseEndpoints callback's `endpoints`) carries no endpoint metadata.
                return types.IsOrInherits(receiver.Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder)
                    && !types.IsType(receiver.Type, KnownType.Microsoft_AspNetCore_Routing_RouteGroupBuilder)
                    ? (RateLimitingState.None, string.Empty)
                    : (RateLimitingState.Unknown, null);

            default:
                return types.IsOrInherits(receiver.Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder)
                    && !types.IsType(receiver.Type, KnownType.Microsoft_AspNetCore_Routing_RouteGroupBuilder)
                    && receiver is IPropertyReferenceOperation or IFieldReferenceOperation
                    ? (RateLimitingState.None, string.Empty)
                    : (RateLimitingState.Unknown, null);
        }
    }

    /// <summary>A local: the app (declared from <c>Build()</c> and the like), or a group (<c>var auth = app.MapGroup("/auth")...</c>).</summary>
    private static (RateLimitingState State, string? Prefix) Group(ILocalReferenceOperation local, IOperation declared, KnownTypes types, int depth)
    {
        if (!types.IsType(local.Type, KnownType.Microsoft_AspNetCore_Routing_RouteGroupBuilder))
        {
            return types.IsOrInherits(local.Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder) ? (RateLimitingState.None, string.Empty) : (RateLimitingState.Unknown, null);
        }

        // Walk down the declared chain to the MapGroup call, adding the conventions on the way.
        var state = RateLimitingState.None;
        var current = declared;
        while (current is IInvocationOperation invocation && !IsMapGroup(invocation, types))
        {
            state = Combine(state, Convention(invocation, types).State);
            current = invocation.Instance ?? (invocation.Arguments.Length > 0 ? Unwrap(invocation.Arguments[0].Value) : null);
            current = current is null ? null : Unwrap(current);
        }

        if (current is not IInvocationOperation mapGroup)
        {
            return (RateLimitingState.Unknown, null);
        }

        // Statements on the local itself: `auth.RequireRateLimiting("auth");`.
        if (local.SemanticModel is { } model && local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is { } declarator)
        {
            var scope = declarator.Ancestors().FirstOrDefault(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.BlockSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax);
            foreach (var node in scope?.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax>() ?? Enumerable.Empty<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionStatementSyntax>())
            {
                if (node.SyntaxTree == model.SyntaxTree
                    && model.GetOperation(node) is IExpressionStatementOperation { Operation: IInvocationOperation convention }
                    && Root(convention) is ILocalReferenceOperation root
                    && SymbolEqualityComparer.Default.Equals(root.Local, local.Local))
                {
                    for (IOperation? call = convention; call is IInvocationOperation step; call = Receiver(step))
                    {
                        state = Combine(state, Convention(step, types).State);
                    }
                }
            }
        }

        var (outer, prefix) = Receiver(mapGroup, types, depth + 1);
        return (Combine(state, outer), prefix is null ? null : Join(prefix, Prefix(mapGroup)));
    }

    private static IOperation? Receiver(IInvocationOperation call)
    {
        var receiver = call.Instance ?? (call.TargetMethod.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
        return receiver is null ? null : Unwrap(receiver);
    }

    private static IOperation? Root(IInvocationOperation call)
    {
        IOperation? current = call;
        while (current is IInvocationOperation invocation)
        {
            current = Receiver(invocation);
        }

        return current;
    }

    private static bool IsMapGroup(IInvocationOperation call, KnownTypes types)
        => call.TargetMethod.Name == "MapGroup" && types.IsType(call.Type, KnownType.Microsoft_AspNetCore_Routing_RouteGroupBuilder);

    private static string Prefix(IInvocationOperation mapGroup)
        => mapGroup.Arguments.FirstOrDefault(a => a.Parameter?.Name == "prefix")?.Value.ConstantValue is { HasValue: true, Value: string prefix } ? prefix : string.Empty;

    private static RateLimitingState Attributes(ImmutableArray<AttributeData> attributes, KnownTypes types)
    {
        var state = RateLimitingState.None;
        foreach (var attribute in attributes)
        {
            if (types.IsType(attribute.AttributeClass, KnownType.Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute))
            {
                state = Combine(state, RateLimitingState.Limited);
            }
            else if (types.IsType(attribute.AttributeClass, KnownType.Microsoft_AspNetCore_RateLimiting_DisableRateLimitingAttribute))
            {
                state = Combine(state, RateLimitingState.Disabled);
            }
        }

        return state;
    }

    /// <summary>Two layers: an opt-out wins, then unknown, then a policy.</summary>
    private static RateLimitingState Combine(RateLimitingState a, RateLimitingState b)
        => a == RateLimitingState.Disabled || b == RateLimitingState.Disabled ? RateLimitingState.Disabled
            : a == RateLimitingState.Unknown || b == RateLimitingState.Unknown ? RateLimitingState.Unknown
            : a == RateLimitingState.Limited || b == RateLimitingState.Limited ? RateLimitingState.Limited
            : RateLimitingState.None;

    private static string Join(string prefix, string pattern) => "/" + (prefix.Trim('/') + "/" + pattern.Trim('/')).Trim('/');

    private static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
        {
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        }

        return operation;
    }
}
