using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>
/// What one app does about rate limiting, read from its <see cref="WebAppModel.Steps"/>: the <c>AddRateLimiter</c> and
/// <c>UseRateLimiter</c> calls, the <c>GlobalLimiter</c> assignments and named policies on <c>RateLimiterOptions</c> (in any
/// options lambda: <c>AddRateLimiter</c>, <c>Configure&lt;RateLimiterOptions&gt;</c>, <c>AddOptions&lt;RateLimiterOptions&gt;().Configure</c>),
/// third-party limiters (AspNetCoreRateLimit), and the configurations it cannot read.
/// </summary>
internal sealed class RateLimiterModel
{
    /// <summary>The <c>RateLimiterOptionsExtensions</c> methods that register a named policy.</summary>
    private static readonly string[] PolicyExtensionNames = { "AddFixedWindowLimiter", "AddSlidingWindowLimiter", "AddTokenBucketLimiter", "AddConcurrencyLimiter" };

    private RateLimiterModel(
        ImmutableArray<AppStep> addRateLimiter,
        ImmutableArray<AppStep> useRateLimiter,
        ImmutableArray<AppStep> globalLimiters,
        ImmutableArray<AppStep> rejectionStatusCodes,
        ImmutableArray<RateLimitPolicyRegistration> policies,
        ImmutableArray<AppStep> thirdPartyLimiters,
        ImmutableArray<AppStep> opaqueConfigurations)
    {
        AddRateLimiter = addRateLimiter;
        UseRateLimiter = useRateLimiter;
        GlobalLimiters = globalLimiters;
        RejectionStatusCodes = rejectionStatusCodes;
        Policies = policies;
        ThirdPartyLimiters = thirdPartyLimiters;
        OpaqueConfigurations = opaqueConfigurations;
    }

    /// <summary>The <c>services.AddRateLimiter(...)</c> calls.</summary>
    public ImmutableArray<AppStep> AddRateLimiter { get; }

    /// <summary>The <c>app.UseRateLimiter()</c> calls.</summary>
    public ImmutableArray<AppStep> UseRateLimiter { get; }

    /// <summary>The assignments to <c>RateLimiterOptions.GlobalLimiter</c>.</summary>
    public ImmutableArray<AppStep> GlobalLimiters { get; }

    /// <summary>The assignments to <c>RateLimiterOptions.RejectionStatusCode</c>.</summary>
    public ImmutableArray<AppStep> RejectionStatusCodes { get; }

    /// <summary>The named policies: <c>AddPolicy</c> and the <c>Add{FixedWindow,SlidingWindow,TokenBucket,Concurrency}Limiter</c> extensions.</summary>
    public ImmutableArray<RateLimitPolicyRegistration> Policies { get; }

    /// <summary>Third-party limiter middleware: AspNetCoreRateLimit's <c>UseIpRateLimiting()</c> and <c>UseClientRateLimiting()</c>.</summary>
    public ImmutableArray<AppStep> ThirdPartyLimiters { get; }

    /// <summary>
    /// Calls that configure <c>RateLimiterOptions</c> in a way the model cannot read: an options delegate that is not a lambda
    /// (<c>AddRateLimiter(Limits.Configure)</c>), a user method that takes <c>RateLimiterOptions</c>, or an
    /// <c>IConfigureOptions&lt;RateLimiterOptions&gt;</c> class (<c>ConfigureOptions&lt;RateLimitSetup&gt;()</c>). Rules that ask
    /// "is there a limiter or a policy" stay silent when any may run outside Development.
    /// </summary>
    public ImmutableArray<AppStep> OpaqueConfigurations { get; }

    /// <summary>Whether a step may run outside Development (its guard is Always, NonDevelopmentOnly or Unknown).</summary>
    public static bool MayRunOutsideDevelopment(AppStep step) => step.Guard != GuardKind.DevelopmentOnly;

    /// <summary>Whether the rate limiting types are referenced at all (ASP.NET Core 7 or later).</summary>
    public static bool IsAvailable(KnownTypes types)
        => types.Get(KnownType.Microsoft_AspNetCore_Builder_RateLimiterServiceCollectionExtensions) is not null
            && types.Get(KnownType.Microsoft_AspNetCore_Builder_RateLimiterApplicationBuilderExtensions) is not null;

    public static RateLimiterModel Create(WebAppModel app, KnownTypes types)
    {
        var add = ImmutableArray.CreateBuilder<AppStep>();
        var use = ImmutableArray.CreateBuilder<AppStep>();
        var global = ImmutableArray.CreateBuilder<AppStep>();
        var rejection = ImmutableArray.CreateBuilder<AppStep>();
        var policies = ImmutableArray.CreateBuilder<RateLimitPolicyRegistration>();
        var thirdParty = ImmutableArray.CreateBuilder<AppStep>();
        var opaque = ImmutableArray.CreateBuilder<AppStep>();
        var options = types.Get(KnownType.Microsoft_AspNetCore_RateLimiting_RateLimiterOptions);

        foreach (var step in app.Steps)
        {
            if (step.Helpers.Any(h => IsThirdPartyLimiter(h, types)))
            {
                // A limiter whose source is part of the compilation (a vendored copy): its body is inlined, the call itself is not a step.
                thirdParty.Add(step);
            }

            if (step.Member is IPropertySymbol property)
            {
                if (options is not null && SymbolEqualityComparer.Default.Equals(property.ContainingType, options))
                {
                    if (property.Name == "GlobalLimiter")
                    {
                        global.Add(step);
                    }
                    else if (property.Name == "RejectionStatusCode")
                    {
                        rejection.Add(step);
                    }
                }

                continue;
            }

            if (step.Invocation is not { } invocation || step.Method is not { } method)
            {
                continue;
            }

            if (types.IsMethod(method, KnownType.Microsoft_AspNetCore_Builder_RateLimiterServiceCollectionExtensions, "AddRateLimiter"))
            {
                add.Add(step);
            }
            else if (types.IsMethod(method, KnownType.Microsoft_AspNetCore_Builder_RateLimiterApplicationBuilderExtensions, "UseRateLimiter"))
            {
                use.Add(step);
            }
            else if (IsThirdPartyLimiter(method, types))
            {
                thirdParty.Add(step);
            }
            else if ((method.Name == "AddPolicy" && types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_RateLimiting_RateLimiterOptions))
                || (PolicyExtensionNames.Contains(method.Name) && types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_RateLimiting_RateLimiterOptionsExtensions)))
            {
                policies.Add(new RateLimitPolicyRegistration(step, PolicyName(invocation)));
                continue;
            }
            else if (types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_RateLimiting_RateLimiterOptions)
                || types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_RateLimiting_RateLimiterOptionsExtensions))
            {
                continue;
            }

            if (options is not null && ConfiguresOptionsOpaquely(invocation, options))
            {
                opaque.Add(step);
            }
        }

        return new RateLimiterModel(add.ToImmutable(), use.ToImmutable(), global.ToImmutable(), rejection.ToImmutable(), policies.ToImmutable(), thirdParty.ToImmutable(), opaque.ToImmutable());
    }

    /// <summary>The options lambda of an <c>AddRateLimiter(options =&gt; …)</c> call, or null when the delegate is not a lambda.</summary>
    public static IAnonymousFunctionOperation? OptionsLambda(AppStep addRateLimiter)
        => addRateLimiter.Invocation?.Arguments
            .Select(a => Unwrap(a.Value))
            .OfType<IAnonymousFunctionOperation>()
            .FirstOrDefault();

    /// <summary>Whether <paramref name="method"/> is AspNetCoreRateLimit's <c>UseIpRateLimiting</c> or <c>UseClientRateLimiting</c>.</summary>
    public static bool IsThirdPartyLimiter(IMethodSymbol method, KnownTypes types)
    {
        var original = method.ReducedFrom ?? method;
        return original.Name is "UseIpRateLimiting" or "UseClientRateLimiting"
            && (types.IsType(original.ContainingType, KnownType.AspNetCoreRateLimit_MiddlewareExtensions)
                || types.IsType(original.ContainingType, KnownType.AspNetCoreRateLimit_StartupExtensions)
                || types.IsType(original.ContainingType, KnownType.AspNetCoreRateLimit_RateLimitExtensions));
    }

    /// <summary>The constant policy name of an <c>AddPolicy</c>/<c>Add*Limiter</c> call; null when it is not a compile-time constant.</summary>
    private static string? PolicyName(IInvocationOperation invocation)
        => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "policyName")?.Value.ConstantValue is { HasValue: true, Value: string name } ? name : null;

    /// <summary>
    /// A call that hands <c>RateLimiterOptions</c> to code the model does not read: a method that takes the options itself, a
    /// non-lambda delegate over them, or a type argument that configures them (<c>IConfigureOptions&lt;RateLimiterOptions&gt;</c>).
    /// </summary>
    private static bool ConfiguresOptionsOpaquely(IInvocationOperation invocation, INamedTypeSymbol options)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (method.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, options)))
        {
            return true;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
                && invoke.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, options))
                && Unwrap(argument.Value) is not IAnonymousFunctionOperation)
            {
                return true;
            }
        }

        return invocation.TargetMethod.TypeArguments.Any(t => t is INamedTypeSymbol named
            && (Mentions(named, options) || named.AllInterfaces.Any(i => Mentions(i, options))));
    }

    private static bool Mentions(INamedTypeSymbol type, INamedTypeSymbol options)
        => type.TypeArguments.Any(a => SymbolEqualityComparer.Default.Equals(a, options));

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IDelegateCreationOperation creation:
                    operation = creation.Target;
                    continue;
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }
}

/// <summary>A named rate-limit policy registered on <c>RateLimiterOptions</c>.</summary>
internal sealed class RateLimitPolicyRegistration
{
    public RateLimitPolicyRegistration(AppStep step, string? name)
    {
        Step = step;
        Name = name;
    }

    public AppStep Step { get; }

    /// <summary>The policy name, or null when it is not a compile-time constant.</summary>
    public string? Name { get; }
}
