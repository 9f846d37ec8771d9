using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>
/// The web apps of a compilation, computed once (lazily, thread-safe) and shared by every rule. Apps are found from the
/// compilation's entry point (top-level statements or <c>static Main</c> that build a <c>WebApplication</c>) and from
/// Startup-style classes (<c>Configure(IApplicationBuilder, …)</c>), without walking every tree.
/// </summary>
/// <remarks>
/// This is the one place that reads bodies in other files through <see cref="Compilation.GetSemanticModel"/> (RS1030 is
/// suppressed here): whole-app facts cross files (a pipeline built in helper extension methods, a Startup's ConfigureServices),
/// and computing them once here lets every rule report live, from the document it analyses, instead of at compilation end.
/// </remarks>
internal sealed class AppModelProvider
{
    /// <summary>How many nested user helpers the model follows before it calls itself incomplete.</summary>
    public const int MaxHelperDepth = 4;

    private static readonly ConditionalWeakTable<Compilation, AppModelProvider> Cache = new();

    /// <summary>Assembly-name prefixes of libraries whose builder extensions are known not to hide security middleware.</summary>
    private static readonly string[] KnownLibraryPrefixes =
    {
        "Microsoft.", "System.", "Swashbuckle.", "NSwag.", "Serilog", "Scalar.", "AspNetCoreRateLimit", "Hangfire", "OpenTelemetry",
        "HealthChecks.", "FluentValidation", "MediatR", "AutoMapper", "Polly", "Asp.Versioning", "Npgsql", "Pomelo.", "Azure.",
        "Grpc.", "StackExchange.Redis", "Yarp.",
    };

    private readonly Compilation _compilation;
    private readonly KnownTypes _types;
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();
    private ImmutableArray<WebAppModel> _apps;
    private Dictionary<SyntaxNode, ImmutableArray<AppStep>>? _stepsBySyntax;
    private int _securityHeaders = -1;

    private AppModelProvider(Compilation compilation, KnownTypes types)
    {
        _compilation = compilation;
        _types = types;
    }

    public static AppModelProvider GetOrCreate(Compilation compilation)
        => Cache.GetValue(compilation, static c => new AppModelProvider(c, KnownTypes.GetOrCreate(c)));

    /// <summary>Every web app of the compilation (usually one).</summary>
    public ImmutableArray<WebAppModel> GetApps(CancellationToken cancellationToken)
    {
        if (!_apps.IsDefault)
        {
            return _apps;
        }

        lock (_gate)
        {
            if (_apps.IsDefault)
            {
                // Computed under the lock; a cancelled computation leaves nothing behind, and the next caller starts again.
                var apps = FindApps(cancellationToken);
                var bySyntax = new Dictionary<SyntaxNode, ImmutableArray<AppStep>>();
                foreach (var step in apps.SelectMany(a => a.Steps))
                {
                    bySyntax[step.Syntax] = bySyntax.TryGetValue(step.Syntax, out var existing) ? existing.Add(step) : ImmutableArray.Create(step);
                }

                _stepsBySyntax = bySyntax;
                _apps = apps;
            }

            return _apps;
        }
    }

    /// <summary>
    /// Which security response headers any code in the compilation writes (in a middleware, a filter, a helper, or through a known
    /// headers library), whatever app or guard it belongs to. Computed once, lazily; trees that do not mention a header name are
    /// never bound (see <see cref="SecurityHeaderWrites"/>).
    /// </summary>
    public SecurityHeaders SecurityHeadersWritten(CancellationToken cancellationToken)
    {
        var known = Volatile.Read(ref _securityHeaders);
        if (known >= 0)
        {
            return (SecurityHeaders)known;
        }

        // Computing twice on a race is harmless: the result is the same.
        var found = SecurityHeaderWrites.Find(_compilation, _types, ModelOf, cancellationToken);
        Interlocked.Exchange(ref _securityHeaders, (int)found);
        return found;
    }

    /// <summary>Whether <paramref name="assembly"/> is a library whose extension methods are known not to hide security configuration.</summary>
    internal static bool IsKnownLibrary(IAssemblySymbol? assembly)
        => assembly is not null && KnownLibraryPrefixes.Any(prefix => assembly.Name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The app whose entry method is <paramref name="method"/> (<c>&lt;Main&gt;$</c>, <c>Main</c> or <c>Startup.Configure</c>), if any.</summary>
    public WebAppModel? AppWithEntry(ISymbol? method, CancellationToken cancellationToken)
        => method is null ? null : GetApps(cancellationToken).FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Entry, method));

    /// <summary>
    /// The steps, across every app, made by the call at <paramref name="syntax"/> (several when a helper is called from several
    /// places). Empty when no app reaches it.
    /// </summary>
    public ImmutableArray<AppStep> StepsAt(SyntaxNode syntax, CancellationToken cancellationToken)
    {
        GetApps(cancellationToken);
        return _stepsBySyntax!.TryGetValue(syntax, out var steps) ? steps : ImmutableArray<AppStep>.Empty;
    }

    /// <summary>
    /// The operation of a method or local function declared in source (a helper an endpoint builder is passed to), read through the
    /// semantic models this provider keeps; null when it has no body in source.
    /// </summary>
    internal IOperation? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
        => method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } declaration ? Body(declaration, cancellationToken) : null;

    private ImmutableArray<WebAppModel> FindApps(CancellationToken cancellationToken)
    {
        if (!_types.IsAspNetCoreApp)
        {
            return ImmutableArray<WebAppModel>.Empty;
        }

        var apps = ImmutableArray.CreateBuilder<WebAppModel>();
        if (_compilation.GetEntryPoint(cancellationToken) is { } entry && BuildHostedApp(entry, cancellationToken) is { } hosted)
        {
            apps.Add(hosted);
        }

        foreach (var symbol in _compilation.GetSymbolsWithName("Configure", SymbolFilter.Member, cancellationToken))
        {
            if (symbol is IMethodSymbol { IsStatic: false, ContainingType.TypeKind: TypeKind.Class } configure
                && configure.Parameters.Any(p => _types.IsOrInherits(p.Type, KnownType.Microsoft_AspNetCore_Builder_IApplicationBuilder))
                && BuildStartupApp(configure, cancellationToken) is { } startup)
            {
                apps.Add(startup);
            }
        }

        return apps.ToImmutable();
    }

    /// <summary>Top-level statements or <c>static Main</c> that build a <c>WebApplication</c>.</summary>
    private WebAppModel? BuildHostedApp(IMethodSymbol entry, CancellationToken cancellationToken)
    {
        var declaration = entry.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
        if (declaration is null || Body(declaration, cancellationToken) is not { } body)
        {
            return null;
        }

        var webApplication = _types.Get(KnownType.Microsoft_AspNetCore_Builder_WebApplication);
        var webApplicationBuilder = _types.Get(KnownType.Microsoft_AspNetCore_Builder_WebApplicationBuilder);
        IInvocationOperation? create = null;
        IInvocationOperation? build = null;
        foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
        {
            var type = invocation.TargetMethod.ContainingType;
            if (create is null && invocation.TargetMethod.IsStatic && SymbolEqualityComparer.Default.Equals(type, webApplication)
                && invocation.TargetMethod.Name.StartsWith("Create", StringComparison.Ordinal))
            {
                create = invocation;
            }
            else if (build is null && invocation.TargetMethod.Name == "Build" && SymbolEqualityComparer.Default.Equals(type, webApplicationBuilder))
            {
                build = invocation;
            }
        }

        if (create is null)
        {
            return null;
        }

        var anchor = build ?? create;
        var walker = new Walker(this, cancellationToken);
        walker.Walk(body, GuardKind.Always, BranchKind.None, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<SyntaxNode>.Empty, 0);

        var appName = DeclaredLocal(anchor)?.Name;
        var builderName = build is not null ? DeclaredLocal(create)?.Name : null;
        var statements = EntryStatements(declaration);
        var anchorStatement = statements.FirstOrDefault(s => s.Span.Contains(anchor.Syntax.Span));
        var anchorIndex = anchorStatement is null ? -1 : statements.IndexOf(anchorStatement);
        var serviceStatements = build is null || anchorIndex < 0 ? ImmutableArray<StatementSyntax>.Empty : statements.Take(anchorIndex).ToImmutableArray();
        var pipelineStatements = anchorIndex < 0 ? statements : statements.Skip(anchorIndex + 1).ToImmutableArray();
        var names = new AppNames(
            appName,
            builderName,
            appName is null ? null : appName + ".Environment",
            builderName is null ? null : builderName + ".Services");

        return new WebAppModel(
            _types,
            entry.Name == "Main" ? AppKind.Main : AppKind.TopLevel,
            entry,
            null,
            anchor.Syntax,
            walker.Steps.ToImmutable(),
            walker.IncompleteReasons.ToImmutable(),
            names,
            pipelineStatements,
            serviceStatements,
            GuardBlocks(body, pipelineStatements));
    }

    /// <summary>A Startup-style class: <c>Configure</c> with its <c>Configure{Environment}</c> variants, and <c>ConfigureServices</c>.</summary>
    private WebAppModel? BuildStartupApp(IMethodSymbol configure, CancellationToken cancellationToken)
    {
        var declaration = configure.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax;
        if (declaration is null || Body(declaration, cancellationToken) is not { } body)
        {
            return null;
        }

        var walker = new Walker(this, cancellationToken);
        var type = configure.ContainingType;
        var configureServices = type.GetMembers("ConfigureServices").OfType<IMethodSymbol>().FirstOrDefault(m => m.Parameters.Length == 1);
        var methods = new List<IMethodSymbol>();
        if (configureServices is not null)
        {
            methods.Add(configureServices);
        }

        methods.AddRange(type.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name is "ConfigureDevelopmentServices" or "ConfigureStagingServices" or "ConfigureProductionServices"));
        foreach (var method in methods)
        {
            if (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } syntax && Body(syntax, cancellationToken) is { } servicesBody)
            {
                walker.Walk(servicesBody, GuardKind.Always, BranchKind.None, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<SyntaxNode>.Empty, 0);
            }
        }

        walker.Walk(body, GuardKind.Always, BranchKind.None, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<SyntaxNode>.Empty, 0);
        foreach (var variant in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name is "ConfigureDevelopment" or "ConfigureStaging" or "ConfigureProduction"))
        {
            if (variant.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is { } syntax && Body(syntax, cancellationToken) is { } variantBody)
            {
                walker.Walk(variantBody, GuardKind.Always, BranchKind.None, ImmutableArray<IMethodSymbol>.Empty, ImmutableArray<SyntaxNode>.Empty, 0);
            }
        }

        var appParameter = configure.Parameters.FirstOrDefault(p => _types.IsOrInherits(p.Type, KnownType.Microsoft_AspNetCore_Builder_IApplicationBuilder));
        var environmentParameter = configure.Parameters.FirstOrDefault(p => IsEnvironment(p.Type));
        var servicesParameter = configureServices?.Parameters.FirstOrDefault(p => _types.IsOrInherits(p.Type, KnownType.Microsoft_Extensions_DependencyInjection_IServiceCollection));
        var servicesDeclaration = configureServices?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);

        return new WebAppModel(
            _types,
            AppKind.Startup,
            configure,
            configureServices,
            declaration,
            walker.Steps.ToImmutable(),
            walker.IncompleteReasons.ToImmutable(),
            new AppNames(appParameter?.Name, null, environmentParameter?.Name, servicesParameter?.Name),
            EntryStatements(declaration),
            servicesDeclaration is null ? ImmutableArray<StatementSyntax>.Empty : EntryStatements(servicesDeclaration),
            GuardBlocks(body, EntryStatements(declaration)));
    }

    /// <summary>The environment-checking <c>if</c> statements among <paramref name="statements"/> (statements of <paramref name="body"/>).</summary>
    private ImmutableArray<GuardBlock> GuardBlocks(IOperation body, ImmutableArray<StatementSyntax> statements)
    {
        var block = body switch
        {
            IMethodBodyOperation method => method.BlockBody,
            IBlockOperation direct => direct,
            _ => null,
        };
        if (block is null)
        {
            return ImmutableArray<GuardBlock>.Empty;
        }

        var result = ImmutableArray.CreateBuilder<GuardBlock>();
        foreach (var operation in block.Operations)
        {
            if (operation is IConditionalOperation conditional
                && conditional.Syntax is IfStatementSyntax statement
                && statements.Contains(statement))
            {
                var (whenTrue, whenFalse) = EnvironmentGuard.ClassifyCondition(conditional.Condition, _types);
                if (whenTrue != GuardKind.Always || whenFalse != GuardKind.Always)
                {
                    result.Add(new GuardBlock(statement, whenTrue, whenFalse));
                }
            }
        }

        return result.ToImmutable();
    }

    private bool IsEnvironment(ITypeSymbol type)
        => _types.IsOrInherits(type, KnownType.Microsoft_Extensions_Hosting_IHostEnvironment)
            || _types.IsOrInherits(type, KnownType.Microsoft_AspNetCore_Hosting_IWebHostEnvironment);

    private static ILocalSymbol? DeclaredLocal(IOperation initializer)
    {
        for (var current = initializer.Parent; current is not null; current = current.Parent)
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

    private static ImmutableArray<StatementSyntax> EntryStatements(SyntaxNode declaration) => declaration switch
    {
        CompilationUnitSyntax unit => unit.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToImmutableArray(),
        BaseMethodDeclarationSyntax { Body: { } block } => block.Statements.ToImmutableArray(),
        LocalFunctionStatementSyntax { Body: { } block } => block.Statements.ToImmutableArray(),
        _ => ImmutableArray<StatementSyntax>.Empty,
    };

    /// <summary>The operation of a method, local function or top-level program, from the semantic model of its tree.</summary>
    private IOperation? Body(SyntaxNode declaration, CancellationToken cancellationToken)
    {
        // A method of another project the IDE compiles from source (a project reference): its tree is not ours to bind.
        if (!_compilation.ContainsSyntaxTree(declaration.SyntaxTree))
        {
            return null;
        }

        return ModelOf(declaration.SyntaxTree).GetOperation(declaration, cancellationToken);
    }

    /// <summary>The semantic model of a tree of this compilation, created once and kept (lock-free once known: every endpoint asks).</summary>
    private SemanticModel ModelOf(SyntaxTree tree)
    {
        if (_models.TryGetValue(tree, out var model))
        {
            return model;
        }

#pragma warning disable RS1030 // The app model reads entry and helper bodies across files, once per compilation (see the class remarks).
        return _models.GetOrAdd(tree, _compilation.GetSemanticModel(tree));
#pragma warning restore RS1030
    }

    /// <summary>Collects the steps of one app, following user helpers.</summary>
    private sealed class Walker
    {
        private readonly AppModelProvider _provider;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<IMethodSymbol> _active = new(SymbolEqualityComparer.Default);

        public Walker(AppModelProvider provider, CancellationToken cancellationToken)
        {
            _provider = provider;
            _cancellationToken = cancellationToken;
        }

        public ImmutableArray<AppStep>.Builder Steps { get; } = ImmutableArray.CreateBuilder<AppStep>();

        public ImmutableArray<string>.Builder IncompleteReasons { get; } = ImmutableArray.CreateBuilder<string>();

        private KnownTypes Types => _provider._types;

        public void Walk(IOperation body, GuardKind outerGuard, BranchKind outerBranch, ImmutableArray<IMethodSymbol> helpers, ImmutableArray<SyntaxNode> callSites, int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var localFunctions = new Dictionary<IMethodSymbol, ILocalFunctionOperation>(SymbolEqualityComparer.Default);
            foreach (var operation in Members(body, localFunctions).OrderBy(Position))
            {
                var guard = Combine(outerGuard, EnvironmentGuard.Classify(operation, Types));
                var branch = outerBranch != BranchKind.None ? outerBranch : BranchOf(operation, body);
                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property })
                {
                    Steps.Add(new AppStep(operation, property.Property.OriginalDefinition, guard, branch, helpers, callSites));
                    continue;
                }

                var invocation = (IInvocationOperation)operation;
                var called = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                var method = called.OriginalDefinition;
                if (method.MethodKind == MethodKind.LocalFunction && localFunctions.TryGetValue(method, out var localFunction))
                {
                    Steps.Add(new AppStep(invocation, method, guard, branch, helpers, callSites));
                    Follow(method, localFunction.Body ?? (IOperation)localFunction, guard, branch, helpers, callSites, invocation, depth);
                    continue;
                }

                if (TakesBuilder(called))
                {
                    if (method.Locations.FirstOrDefault() is { IsInSource: true } && method.MethodKind is MethodKind.Ordinary or MethodKind.ReducedExtension)
                    {
                        // The helper call is a step too (rules match framework methods by symbol, so it never passes for one), then its body.
                        Steps.Add(new AppStep(invocation, method, guard, branch, helpers, callSites));
                        var declaration = method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(_cancellationToken);
                        var helperBody = declaration is null ? null : _provider.Body(declaration, _cancellationToken);
                        if (helperBody is null)
                        {
                            IncompleteReasons.Add($"helper {method.Name} has no body");
                        }
                        else
                        {
                            Follow(method, helperBody, guard, branch, helpers, callSites, invocation, depth);
                        }

                        continue;
                    }

                    if (method.MethodKind == MethodKind.DelegateInvoke || !IsKnownLibrary(method.ContainingAssembly))
                    {
                        IncompleteReasons.Add($"opaque helper {method.ContainingType?.Name}.{method.Name}");
                    }
                }

                Steps.Add(new AppStep(invocation, method, guard, branch, helpers, callSites));
            }
        }

        private void Follow(IMethodSymbol method, IOperation body, GuardKind guard, BranchKind branch, ImmutableArray<IMethodSymbol> helpers, ImmutableArray<SyntaxNode> callSites, IInvocationOperation call, int depth)
        {
            if (_active.Contains(method))
            {
                return;
            }

            if (depth >= MaxHelperDepth)
            {
                IncompleteReasons.Add($"helper {method.Name} is deeper than {MaxHelperDepth} calls");
                return;
            }

            _active.Add(method);
            Walk(body, guard, branch, helpers.Add(method), callSites.Add(call.Syntax), depth + 1);
            _active.Remove(method);
        }

        /// <summary>The invocations and property assignments of a body, not descending into local function declarations (followed when called).</summary>
        private IEnumerable<IOperation> Members(IOperation body, Dictionary<IMethodSymbol, ILocalFunctionOperation> localFunctions)
        {
            var stack = new Stack<IOperation>();
            stack.Push(body);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current is ILocalFunctionOperation localFunction && !ReferenceEquals(current, body))
                {
                    localFunctions[localFunction.Symbol] = localFunction;
                    continue;
                }

                if (current is IInvocationOperation || current is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation })
                {
                    yield return current;
                }

                if (IsRequestHandler(current))
                {
                    // An endpoint's or terminal middleware's handler (MapGet(…, handler), Run(handler)) serves requests; it does not
                    // configure the app, and in a large Program.cs its calls would be most of the steps.
                    continue;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        /// <summary>A lambda or method group passed as a <c>Delegate</c> or <c>RequestDelegate</c> parameter: a request handler.</summary>
        private bool IsRequestHandler(IOperation operation)
        {
            if (operation is not IDelegateCreationOperation)
            {
                return false;
            }

            // A lambda given to a Delegate parameter is first converted to its natural type.
            var parent = operation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent is IArgumentOperation { Parameter.Type: { } type }
                && (type.SpecialType == SpecialType.System_Delegate || Types.IsType(type, KnownType.Microsoft_AspNetCore_Http_RequestDelegate));
        }

        /// <summary>Execution order: a fluent chain's receiver runs first, so invocations sort by the position of their method name.</summary>
        private static int Position(IOperation operation) => operation.Syntax switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } => member.Name.SpanStart,
            InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } => binding.Name.SpanStart,
            var syntax => syntax.SpanStart,
        };

        private BranchKind BranchOf(IOperation operation, IOperation body)
        {
            for (var current = operation.Parent; current is not null && !ReferenceEquals(current, body); current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation
                    && current.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation owner } })
                {
                    var method = owner.TargetMethod.ReducedFrom ?? owner.TargetMethod;
                    if (Types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_UseWhenExtensions))
                    {
                        return BranchKind.UseWhen;
                    }

                    if (Types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_MapWhenExtensions))
                    {
                        return BranchKind.MapWhen;
                    }

                    if (Types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Builder_MapExtensions))
                    {
                        return BranchKind.Map;
                    }
                }
            }

            return BranchKind.None;
        }

        /// <summary>Whether a method takes one of the builders an app is configured through (so a user's version of it is a helper to follow).</summary>
        private bool TakesBuilder(IMethodSymbol method)
            => method.Parameters.Any(p => Types.IsOrInherits(p.Type, KnownType.Microsoft_AspNetCore_Builder_IApplicationBuilder)
                || Types.IsOrInherits(p.Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder)
                || Types.IsOrInherits(p.Type, KnownType.Microsoft_Extensions_DependencyInjection_IServiceCollection)
                || Types.IsOrInherits(p.Type, KnownType.Microsoft_AspNetCore_Builder_WebApplicationBuilder)
                || Types.IsOrInherits(p.Type, KnownType.Microsoft_Extensions_Hosting_IHostApplicationBuilder));

        private static GuardKind Combine(GuardKind outer, GuardKind inner)
        {
            if (outer == GuardKind.DevelopmentOnly || inner == GuardKind.DevelopmentOnly)
            {
                return GuardKind.DevelopmentOnly;
            }

            if (outer == GuardKind.Unknown || inner == GuardKind.Unknown)
            {
                return GuardKind.Unknown;
            }

            return outer == GuardKind.NonDevelopmentOnly || inner == GuardKind.NonDevelopmentOnly ? GuardKind.NonDevelopmentOnly : GuardKind.Always;
        }
    }
}
