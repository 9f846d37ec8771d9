using System.Threading;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.RateLimiting;

/// <summary>
/// AG0604: the app runs a rate limiter with named policies but no global limiter, and an endpoint that takes credentials (it calls
/// <c>PasswordSignInAsync</c>, <c>CheckPasswordSignInAsync</c> or <c>CheckPasswordAsync</c>, is mapped by <c>MapIdentityApi</c>,
/// or answers a sign-in route) has no policy or opts out. Attackers can then guess passwords as fast as the server answers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SignInNotRateLimitedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: the registered policy the fix applies (absent when the app registers no constant-named policy).</summary>
    public const string PolicyProperty = "Policy";

    /// <summary>Property: <see cref="Mapping"/> (a minimal-API or Identity API mapping) or <see cref="Action"/> (a controller action).</summary>
    public const string KindProperty = "Kind";

    public const string Mapping = "Mapping";

    public const string Action = "Action";

    /// <summary>Property: present when the fix replaces an opt-out (<c>AdditionalLocations[1]</c>: the <c>DisableRateLimiting</c> call or attribute).</summary>
    public const string ReplacesOptOutProperty = "ReplacesOptOut";

    /// <summary>Words in a policy name that make the fix prefer it.</summary>
    private static readonly string[] PreferredPolicyWords = { "login", "signin", "sign-in", "auth", "password", "credential", "token", "strict" };

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.SignInNotRateLimited,
        title: "Rate limit sign-in endpoints",
        messageFormat: "'{0}' takes credentials and no rate-limit policy applies to it, so passwords can be guessed as fast as the server answers",
        description: "The app has a rate limiter but no global limiter, so only endpoints with a policy are limited. An endpoint that checks "
            + "passwords without a policy lets attackers try credential lists and brute-force passwords at full speed. Apply a strict policy "
            + "with RequireRateLimiting or [EnableRateLimiting].",
        RuleArea.RateLimiting,
        DiagnosticSeverity.Warning,
        cwe: 307,
        owasp: "API4",
        hasCodeFix: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || !RateLimiterModel.IsAvailable(types)
                || types.Get(KnownType.Microsoft_AspNetCore_RateLimiting_EnableRateLimitingAttribute) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var analysis = new CompilationAnalysis(AppModelProvider.GetOrCreate(start.Compilation), types, start.Options.AnalyzerConfigOptionsProvider);
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationBlockAction(analysis.AnalyzeBlock);
        });
    }

    /// <summary>What the apps of the compilation do about rate limiting, when AG0604 applies.</summary>
    private sealed class Limiter
    {
        public Limiter(string? policy, RateLimitingState controllers)
        {
            Policy = policy;
            Controllers = controllers;
        }

        /// <summary>The policy the fix applies, or null when none is registered under a constant name.</summary>
        public string? Policy { get; }

        /// <summary>The metadata <c>MapControllers()</c> gives every action.</summary>
        public RateLimitingState Controllers { get; }
    }

    private sealed class CompilationAnalysis
    {
        private readonly AppModelProvider _provider;
        private readonly KnownTypes _types;
        private readonly AnalyzerConfigOptionsProvider _options;
        private readonly object _gate = new();
        private bool _computed;
        private Limiter? _limiter;

        public CompilationAnalysis(AppModelProvider provider, KnownTypes types, AnalyzerConfigOptionsProvider options)
        {
            _provider = provider;
            _types = types;
            _options = options;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var identityApi = _types.IsMethod(method, KnownType.Microsoft_AspNetCore_Routing_IdentityApiEndpointRouteBuilderExtensions, "MapIdentityApi");
            if (!identityApi && EndpointFlow.KindOf(method, _types) != MappingKind.MinimalApi)
            {
                return;
            }

            var (state, route, disable) = EndpointRateLimiting.OfMapping(invocation, _types);
            if (state is RateLimitingState.Limited or RateLimitingState.Unknown)
            {
                return;
            }

            var routes = ApiGuardOptions.RateLimitingSignInRoutes.Read(_options.GetOptions(invocation.Syntax.SyntaxTree));
            var takesCredentials = identityApi
                || (route is not null && EndpointRateLimiting.MatchesAny(route, routes))
                || invocation.Arguments.Any(a => a.Value.DescendantsAndSelf().OfType<IInvocationOperation>().Any(IsCredentialCheck));
            if (!takesCredentials
                || EnvironmentGuard.Classify(invocation, _types) is GuardKind.DevelopmentOnly or GuardKind.Unknown
                || Get(context.CancellationToken) is not { } limiter)
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                ? member.Name.GetLocation()
                : invocation.Syntax.GetLocation();
            var name = method.Name + (route is null || identityApi ? "()" : " " + route);
            var additional = new List<Location> { invocation.Syntax.GetLocation() };
            var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, Mapping);
            if (state == RateLimitingState.Disabled)
            {
                // Only a DisableRateLimiting() call in the mapping's own chain can be replaced; an opt-out on the handler or a group is left to the user.
                properties = properties.Add(ReplacesOptOutProperty, disable is null ? "false" : "true");
                if (disable is not null)
                {
                    additional.Add(disable.Syntax.GetLocation());
                }
            }

            Report(context.ReportDiagnostic, limiter, location, additional, properties, name);
        }

        public void AnalyzeBlock(OperationBlockAnalysisContext context)
        {
            // Cheapest first: every method body of the compilation comes here. The app's limiter is computed once, and when
            // MapControllers() is rate limited (or ApiGuard cannot tell) no action needs a look.
            if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public, IsStatic: false } method
                || Get(context.CancellationToken) is not { Controllers: not (RateLimitingState.Limited or RateLimitingState.Unknown) }
                || !EndpointClasses.IsController(method.ContainingType, _types)
                || !EndpointClasses.IsAction(method, _types))
            {
                return;
            }

            var state = EndpointRateLimiting.OfAction(method, _types);
            if (state is RateLimitingState.Limited or RateLimitingState.Unknown)
            {
                return;
            }

            var tree = method.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree;
            var routes = tree is null ? ApiGuardOptions.RateLimitingSignInRoutes.DefaultValue : ApiGuardOptions.RateLimitingSignInRoutes.Read(_options.GetOptions(tree));
            var takesCredentials = EndpointRateLimiting.RoutesOfAction(method, _types).Any(r => EndpointRateLimiting.MatchesAny(r, routes))
                || context.OperationBlocks.Any(b => b.DescendantsAndSelf().OfType<IInvocationOperation>().Any(IsCredentialCheck));
            if (!takesCredentials
                || Get(context.CancellationToken) is not { } limiter
                || limiter.Controllers is RateLimitingState.Limited or RateLimitingState.Unknown
                || method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) is not MethodDeclarationSyntax declaration)
            {
                return;
            }

            var additional = new List<Location> { declaration.GetLocation() };
            var properties = ImmutableDictionary<string, string?>.Empty.Add(KindProperty, Action);
            if (state == RateLimitingState.Disabled || limiter.Controllers == RateLimitingState.Disabled)
            {
                // Only an opt-out on the action itself can be replaced; one on the class or on MapControllers() is left to the user.
                var own = method.GetAttributes().FirstOrDefault(a => _types.IsType(a.AttributeClass, KnownType.Microsoft_AspNetCore_RateLimiting_DisableRateLimitingAttribute));
                if (own?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax attribute
                    || EndpointRateLimiting.OfAction(method, _types) != RateLimitingState.Disabled
                    || method.ContainingType.GetAttributes().Any(a => _types.IsType(a.AttributeClass, KnownType.Microsoft_AspNetCore_RateLimiting_DisableRateLimitingAttribute))
                    || limiter.Controllers == RateLimitingState.Disabled)
                {
                    properties = properties.Add(ReplacesOptOutProperty, "false");
                }
                else
                {
                    properties = properties.Add(ReplacesOptOutProperty, "true");
                    additional.Add(attribute.GetLocation());
                }
            }

            Report(context.ReportDiagnostic, limiter, declaration.Identifier.GetLocation(), additional, properties, method.ContainingType.Name + "." + method.Name);
        }

        private static void Report(Action<Diagnostic> report, Limiter limiter, Location location, List<Location> additional, ImmutableDictionary<string, string?> properties, string name)
        {
            if (limiter.Policy is not null && !(properties.TryGetValue(ReplacesOptOutProperty, out var replaces) && replaces == "false"))
            {
                properties = properties.Add(PolicyProperty, limiter.Policy);
            }

            report(Diagnostic.Create(Rule, location, additional, properties, name));
        }

        private bool IsCredentialCheck(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            return (method.Name is "PasswordSignInAsync" or "CheckPasswordSignInAsync" && _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Identity_SignInManager_1))
                || (method.Name == "CheckPasswordAsync" && _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Identity_UserManager_1));
        }

        private Limiter? Get(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _computed))
            {
                return _limiter;
            }

            lock (_gate)
            {
                if (!_computed)
                {
                    _limiter = Compute(cancellationToken);
                    Volatile.Write(ref _computed, true);
                }

                return _limiter;
            }
        }

        /// <summary>
        /// The limiter when AG0604 applies: every app is complete, one registers and uses the rate limiter outside Development, and
        /// none has a global limiter, a configuration the model cannot read, or a third-party limiter. Otherwise null.
        /// </summary>
        private Limiter? Compute(CancellationToken cancellationToken)
        {
            var apps = _provider.GetApps(cancellationToken);
            if (apps.IsEmpty || apps.Any(a => a.IsIncomplete))
            {
                return null;
            }

            var running = false;
            var names = new List<string>();
            var controllers = RateLimitingState.None;
            foreach (var app in apps)
            {
                var model = app.RateLimiter;
                if (!model.GlobalLimiters.IsEmpty || !model.OpaqueConfigurations.IsEmpty || !model.ThirdPartyLimiters.IsEmpty)
                {
                    return null;
                }

                running |= model.AddRateLimiter.Any(s => s.RunsOutsideDevelopment) && model.UseRateLimiter.Any(s => s.RunsOutsideDevelopment);
                names.AddRange(model.Policies.Where(p => p.Step.RunsOutsideDevelopment && p.Name is not null).Select(p => p.Name!));
                foreach (var step in app.Calls(KnownType.Microsoft_AspNetCore_Builder_ControllerEndpointRouteBuilderExtensions, "MapControllers"))
                {
                    var state = step.Invocation is { } invocation ? EndpointRateLimiting.OfMapping(invocation, _types).State : RateLimitingState.Unknown;
                    controllers = state == RateLimitingState.None ? controllers : state;
                }
            }

            if (!running)
            {
                return null;
            }

            var policy = names.FirstOrDefault(n => PreferredPolicyWords.Any(w => n.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0)) ?? names.FirstOrDefault();
            return new Limiter(policy, controllers);
        }
    }
}
