using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>How the "require authorization by default" fix sets the fallback policy.</summary>
internal enum FallbackFixMode
{
    /// <summary><c>AddAuthorization()</c> without options: add the options lambda.</summary>
    AddOptions,

    /// <summary><c>AddAuthorization(options =&gt; …)</c>: add the assignment to the lambda.</summary>
    ExtendLambda,

    /// <summary><c>AddAuthorizationBuilder()</c>: chain <c>SetFallbackPolicy(…)</c>.</summary>
    SetOnBuilder,

    /// <summary>No registration: add <c>{services}.AddAuthorization(…)</c> before the target statement.</summary>
    InsertBefore,

    /// <summary>No registration: add <c>{services}.AddAuthorization(…)</c> after the target statement.</summary>
    InsertAfter,
}

/// <summary>Where the "require authorization by default" fix writes the fallback policy.</summary>
internal sealed class FallbackPlan
{
    public FallbackPlan(FallbackFixMode mode, SyntaxNode target, string? services)
    {
        Mode = mode;
        Target = target;
        Services = services;
    }

    public FallbackFixMode Mode { get; }

    /// <summary>The registration call, or the statement to insert next to.</summary>
    public SyntaxNode Target { get; }

    /// <summary>The <c>IServiceCollection</c> expression for a new registration.</summary>
    public string? Services { get; }
}

/// <summary>The authorization facts of one app.</summary>
internal sealed class AppAuthorization
{
    private AppAuthorization(
        WebAppModel app,
        ImmutableArray<string> opaqueReasons,
        AuthorizationState fallback,
        AuthorizationState? controllers,
        AuthorizationState? pages,
        ImmutableArray<EndpointMapping> mappings,
        FallbackPlan? fallbackPlan)
    {
        App = app;
        OpaqueReasons = opaqueReasons;
        Fallback = fallback;
        Controllers = controllers;
        Pages = pages;
        Mappings = mappings;
        FallbackPlan = fallbackPlan;
        var bySyntax = new Dictionary<SyntaxNode, EndpointMapping>();
        foreach (var mapping in mappings)
        {
            bySyntax[mapping.Step.Syntax] = mapping;
        }

        MappingsBySyntax = bySyntax;
    }

    public WebAppModel App { get; }

    /// <summary>Why the app's authorization facts may be incomplete (an opaque helper, options configured by a method of the user's, a custom policy provider, …).</summary>
    public ImmutableArray<string> OpaqueReasons { get; }

    public bool IsOpaque => !OpaqueReasons.IsEmpty;

    /// <summary>The fallback policy outside Development: <see cref="AuthorizationState.Authorize"/> when one is set.</summary>
    public AuthorizationState Fallback { get; }

    /// <summary>
    /// What every controller action gets from the app: the conventions of the controller mappings, global MVC filters, and MVC
    /// conventions. Null when the app maps no controllers.
    /// </summary>
    public AuthorizationState? Controllers { get; }

    /// <summary>What every page gets from the app (page mappings, global filters, Razor Pages conventions). Null when the app maps no pages.</summary>
    public AuthorizationState? Pages { get; }

    /// <summary>Every endpoint-mapping call of the app that runs outside Development, in order.</summary>
    public ImmutableArray<EndpointMapping> Mappings { get; }

    public IReadOnlyDictionary<SyntaxNode, EndpointMapping> MappingsBySyntax { get; }

    /// <summary>Where the fix that requires authorization by default writes the fallback policy; null when there is no safe place.</summary>
    public FallbackPlan? FallbackPlan { get; }

    /// <summary>An endpoint with metadata <paramref name="state"/> in this app: the fallback policy covers it when it has none of its own.</summary>
    public AuthorizationState Decide(AuthorizationState state)
        => IsOpaque ? AuthorizationState.Unknown
            : state != AuthorizationState.None ? state
            : Fallback;

    /// <summary>
    /// Where <c>.RequireAuthorization()</c> protects a minimal-API endpoint: its innermost route group when every endpoint mapped in
    /// that group is a minimal API without authorization metadata of its own (or explicitly public), else the endpoint itself.
    /// </summary>
    public IInvocationOperation RequireAuthorizationTarget(EndpointMapping mapping)
    {
        if (!mapping.GroupsKnown || mapping.Groups.IsEmpty || Mappings.Any(m => !m.GroupsKnown && m.Kind != MappingKind.Group))
        {
            return mapping.Invocation;
        }

        var group = mapping.Groups[0].Syntax;
        var members = Mappings.Where(m => m.Kind != MappingKind.Group && m.Groups.Any(g => g.Syntax == group)).ToList();
        return members.All(m => m.Kind == MappingKind.MinimalApi && m.State is AuthorizationState.None or AuthorizationState.Anonymous)
            ? mapping.Groups[0]
            : mapping.Invocation;
    }

    internal static AppAuthorization Build(WebAppModel app, KnownTypes types, AppModelProvider provider, CancellationToken cancellationToken)
        => new Builder(app, types, provider, cancellationToken).Build();

    /// <summary>Reads the facts from the app's steps.</summary>
    private sealed class Builder
    {
        private readonly WebAppModel _app;
        private readonly KnownTypes _types;
        private readonly AppModelProvider _provider;
        private readonly CancellationToken _cancellationToken;
        private readonly List<string> _opaque = new();
        private AuthorizationState _fallback = AuthorizationState.None;
        private AuthorizationState _globalFilters = AuthorizationState.None;
        private AuthorizationState _mvcConventions = AuthorizationState.None;
        private AuthorizationState _pageConventions = AuthorizationState.None;
        private AppStep? _registration;

        public Builder(WebAppModel app, KnownTypes types, AppModelProvider provider, CancellationToken cancellationToken)
        {
            _app = app;
            _types = types;
            _provider = provider;
            _cancellationToken = cancellationToken;
        }

        public AppAuthorization Build()
        {
            _opaque.AddRange(_app.IncompleteReasons);
            var mappingSteps = new Dictionary<SyntaxNode, List<AppStep>>();
            var mappingOrder = new List<(SyntaxNode Syntax, MappingKind Kind)>();
            foreach (var step in _app.Steps)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (step.Operation is IInvocationOperation invocation && EndpointFlow.KindOf(invocation.TargetMethod, _types) is { } kind)
                {
                    if (!mappingSteps.TryGetValue(step.Syntax, out var list))
                    {
                        mappingSteps[step.Syntax] = list = new List<AppStep>();
                        mappingOrder.Add((step.Syntax, kind));
                    }

                    list.Add(step);
                }

                if (step.Guard != GuardKind.DevelopmentOnly)
                {
                    Read(step);
                }
            }

            var flow = new EndpointFlow(_app, _types, _provider, _cancellationToken);
            var mappings = ImmutableArray.CreateBuilder<EndpointMapping>();
            foreach (var (syntax, kind) in mappingOrder)
            {
                if (flow.Evaluate(mappingSteps[syntax].ToImmutableArray(), kind) is { } mapping)
                {
                    mappings.Add(mapping);
                }
            }

            var all = mappings.ToImmutable();
            var mvc = _globalFilters.Layer(_mvcConventions);
            return new AppAuthorization(
                _app,
                _opaque.ToImmutableArray(),
                _fallback,
                Combined(all, MappingKind.Controllers, MappingKind.ControllerRoute)?.Layer(mvc),
                Combined(all, MappingKind.RazorPages, MappingKind.ControllerRoute)?.Layer(mvc).Layer(_pageConventions),
                all,
                Plan());
        }

        /// <summary>
        /// What the mapping calls of some kinds give every class endpoint they map. Several calls share the same controllers (one
        /// data source), so any authorization decision on any of them is taken to cover all: a false negative rather than a guess.
        /// </summary>
        private static AuthorizationState? Combined(ImmutableArray<EndpointMapping> mappings, MappingKind kind, MappingKind alsoKind)
        {
            AuthorizationState? state = null;
            foreach (var mapping in mappings)
            {
                if (mapping.Kind == kind || (mapping.Kind == alsoKind && (kind != MappingKind.RazorPages || IsUseMvc(mapping))))
                {
                    state = (state ?? AuthorizationState.None).Layer(mapping.State);
                }
            }

            return state;
        }

        private static bool IsUseMvc(EndpointMapping mapping) => mapping.Invocation.TargetMethod.Name.StartsWith("UseMvc", StringComparison.Ordinal);

        private void Read(AppStep step)
        {
            switch (step.Operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    when property.Property.Name == "FallbackPolicy" && _types.IsType(property.Property.ContainingType, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationOptions):
                    SetFallback(step, assignment.Value);
                    break;

                case IInvocationOperation invocation:
                    ReadInvocation(step, invocation);
                    break;
            }
        }

        private void ReadInvocation(AppStep step, IInvocationOperation invocation)
        {
            var method = (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition;
            var type = method.ContainingType;
            if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationBuilder) && method.Name == "SetFallbackPolicy")
            {
                SetFallback(step, invocation.Arguments.FirstOrDefault()?.Value);
            }
            else if (_types.IsType(type, KnownType.Microsoft_Extensions_DependencyInjection_PolicyServiceCollectionExtensions)
                && method.Name is "AddAuthorization" or "AddAuthorizationBuilder"
                && step.Guard == GuardKind.Always && step.Branch == BranchKind.None)
            {
                _registration ??= step;
            }
            else if (_types.IsOrInherits(invocation.Instance?.Type, KnownType.Microsoft_AspNetCore_Mvc_Filters_FilterCollection))
            {
                _globalFilters = _globalFilters.Layer(Guarded(step, GlobalFilter(invocation)));
            }
            else if (invocation.Instance is IPropertyReferenceOperation { Property.Name: "Conventions" } conventions
                && _types.IsType(conventions.Property.ContainingType, KnownType.Microsoft_AspNetCore_Mvc_MvcOptions))
            {
                // An application-model convention of the user's can add filters or metadata to any action.
                _mvcConventions = _mvcConventions.Layer(Guarded(step, AuthorizationState.Unknown));
            }
            else if (_types.IsType(type, KnownType.Microsoft_Extensions_DependencyInjection_PageConventionCollectionExtensions)
                || _types.IsOrInherits(invocation.Instance?.Type, KnownType.Microsoft_AspNetCore_Mvc_ApplicationModels_PageConventionCollection))
            {
                // AuthorizeFolder/AuthorizePage/AuthorizeAreaFolder (and AllowAnonymousTo…) decide for the pages they name; which page
                // models those are is not known from C#, so every page is taken as decided. Route conventions add nothing.
                if (method.Name is not ("AddPageRoute" or "AddAreaPageRoute"))
                {
                    _pageConventions = _pageConventions.Layer(Guarded(step, method.Name.StartsWith("Authorize", StringComparison.Ordinal) || method.Name.StartsWith("AllowAnonymous", StringComparison.Ordinal)
                        ? AuthorizationState.Authorize
                        : AuthorizationState.Unknown));
                }
            }

            CheckOpaque(invocation, method);
        }

        /// <summary>
        /// What ApiGuard cannot see through: options of authorization, MVC or Razor Pages configured by a method (not a lambda) or
        /// handed to code of the user's, options classes and policy providers registered as services.
        /// </summary>
        private void CheckOpaque(IInvocationOperation invocation, IMethodSymbol method)
        {
            var userCode = !AppModelProvider.IsKnownLibrary(method.ContainingAssembly);
            foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
            {
                if (OptionsArea(typeArgument, exact: false) is { } area && (OptionsArea(typeArgument, exact: true) is null || userCode))
                {
                    Opaque(area, $"{typeArgument.Name} registered through {method.Name}<>");
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                if (value is ITypeOfOperation typeOf && OptionsArea(typeOf.TypeOperand, exact: false) is { } typeArea && OptionsArea(typeOf.TypeOperand, exact: true) is null)
                {
                    Opaque(typeArea, $"{typeOf.TypeOperand.Name} registered through {method.Name}");
                }

                if (argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
                    && invoke.Parameters.Select(p => OptionsArea(p.Type, exact: true)).FirstOrDefault(a => a is not null) is { } delegateArea
                    && !(value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation } || value is IAnonymousFunctionOperation))
                {
                    Opaque(delegateArea, $"{method.Name} configured by a method");
                }

                if (userCode && OptionsArea(value.Type, exact: true) is { } passedArea)
                {
                    Opaque(passedArea, $"{value.Type!.Name} passed to {method.Name}");
                }
            }

            if (userCode && invocation.Instance?.Type is { } instanceType && OptionsArea(instanceType, exact: true) is { } instanceArea)
            {
                Opaque(instanceArea, $"{method.Name} called on {instanceType.Name}");
            }
        }

        /// <summary>
        /// Which facts a type configures: the fallback policy (authorization options, the authorization builder, a policy provider), MVC
        /// (MVC options, filters) or Razor Pages. With <paramref name="exact"/>, only the options types themselves; otherwise also types
        /// that mention them (<c>IConfigureOptions&lt;AuthorizationOptions&gt;</c>, a class implementing it, a policy provider).
        /// </summary>
        private OptionsKind? OptionsArea(ITypeSymbol? type, bool exact)
        {
            if (type is null)
            {
                return null;
            }

            if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationOptions) || _types.IsType(type, KnownType.Microsoft_AspNetCore_Authorization_AuthorizationBuilder))
            {
                return OptionsKind.Authorization;
            }

            if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_MvcOptions) || _types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_Filters_FilterCollection))
            {
                return OptionsKind.Mvc;
            }

            if (_types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_RazorPages_RazorPagesOptions) || _types.IsType(type, KnownType.Microsoft_AspNetCore_Mvc_ApplicationModels_PageConventionCollection))
            {
                return OptionsKind.Pages;
            }

            if (exact)
            {
                return null;
            }

            if (_types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Authorization_IAuthorizationPolicyProvider))
            {
                return OptionsKind.Authorization;
            }

            if (type is INamedTypeSymbol named)
            {
                foreach (var argument in named.TypeArguments.Concat(named.AllInterfaces.SelectMany(i => i.TypeArguments)))
                {
                    if (!SymbolEqualityComparer.Default.Equals(argument, type) && OptionsArea(argument, exact: true) is { } area)
                    {
                        return area;
                    }
                }
            }

            return null;
        }

        private void Opaque(OptionsKind area, string reason)
        {
            switch (area)
            {
                case OptionsKind.Authorization:
                    _opaque.Add(reason);
                    break;
                case OptionsKind.Mvc:
                    _mvcConventions = AuthorizationState.Unknown.Layer(_mvcConventions);
                    break;
                case OptionsKind.Pages:
                    _pageConventions = AuthorizationState.Unknown.Layer(_pageConventions);
                    break;
            }
        }

        /// <summary>A global MVC filter: <c>AuthorizeFilter</c> requires authorization, an allow-anonymous filter makes everything public, a filter of the user's that authorizes is unknown.</summary>
        private AuthorizationState GlobalFilter(IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.Name is not ("Add" or "Insert" or "AddService"))
            {
                return AuthorizationState.None;
            }

            var filterType = invocation.TargetMethod.TypeArguments.FirstOrDefault();
            var exact = filterType is not null;
            if (filterType is null)
            {
                var value = invocation.Arguments.LastOrDefault(a => a.Parameter?.Type.SpecialType != SpecialType.System_Int32)?.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                exact = value is ITypeOfOperation or IObjectCreationOperation;
                filterType = value is ITypeOfOperation typeOf ? typeOf.TypeOperand : value?.Type;
                if (filterType is null)
                {
                    return AuthorizationState.Unknown;
                }
            }

            if (_types.IsOrInherits(filterType, KnownType.Microsoft_AspNetCore_Mvc_Authorization_AuthorizeFilter))
            {
                return AuthorizationState.Authorize;
            }

            // An authorization filter of the user's may or may not require authorization; a filter of a type that a subclass could extend is unknown too.
            return EndpointClasses.TypeState(filterType, _types) switch
            {
                AuthorizationState.Anonymous => AuthorizationState.Anonymous,
                AuthorizationState.None when exact || filterType.IsSealed || filterType.IsValueType => AuthorizationState.None,
                _ => AuthorizationState.Unknown,
            };
        }

        private void SetFallback(AppStep step, IOperation? value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            var state = value is null || value.ConstantValue is { HasValue: true, Value: null } ? AuthorizationState.None : AuthorizationState.Authorize;
            _fallback = step.Guard == GuardKind.Unknown ? AuthorizationState.Unknown : state;
        }

        private static AuthorizationState Guarded(AppStep step, AuthorizationState state)
            => state != AuthorizationState.None && step.Guard == GuardKind.Unknown ? AuthorizationState.Unknown : state;

        /// <summary>Where the fallback-policy fix writes: the first authorization registration that always runs, else a new one.</summary>
        private FallbackPlan? Plan()
        {
            if (_registration is { Operation: IInvocationOperation registration })
            {
                var method = registration.TargetMethod;
                if (method.Name == "AddAuthorizationBuilder")
                {
                    return new FallbackPlan(FallbackFixMode.SetOnBuilder, registration.Syntax, null);
                }

                var options = registration.Arguments.Skip(1).FirstOrDefault(a => !a.IsImplicit);
                return options is null ? new FallbackPlan(FallbackFixMode.AddOptions, registration.Syntax, null)
                    : options.Value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation } ? new FallbackPlan(FallbackFixMode.ExtendLambda, registration.Syntax, null)
                    : null;
            }

            var services = _app.Names.Services;
            if (services is null)
            {
                return null;
            }

            if (_app.Kind == AppKind.Startup)
            {
                if (_app.ServiceStatements.IsEmpty)
                {
                    return null;
                }

                var last = _app.ServiceStatements[_app.ServiceStatements.Length - 1];
                return last is ReturnStatementSyntax
                    ? new FallbackPlan(FallbackFixMode.InsertBefore, last, services)
                    : new FallbackPlan(FallbackFixMode.InsertAfter, last, services);
            }

            var anchor = _app.AnchorSyntax.FirstAncestorOrSelf<StatementSyntax>();
            return anchor is null ? null : new FallbackPlan(FallbackFixMode.InsertBefore, anchor, services);
        }

        private enum OptionsKind
        {
            Authorization,
            Mvc,
            Pages,
        }
    }
}
