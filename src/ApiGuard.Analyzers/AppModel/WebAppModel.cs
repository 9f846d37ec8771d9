using System.Threading;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>How an app is hosted.</summary>
internal enum AppKind
{
    /// <summary>Top-level statements that build a <c>WebApplication</c>.</summary>
    TopLevel,

    /// <summary>A <c>static Main</c> that builds a <c>WebApplication</c>.</summary>
    Main,

    /// <summary>A <c>Startup</c>-style class with <c>Configure(IApplicationBuilder, …)</c> (and <c>ConfigureServices</c>).</summary>
    Startup,
}

/// <summary>
/// One web app of the compilation, as a list of <see cref="AppStep"/>s: the middleware pipeline, the service registrations, the
/// endpoint mappings and what their options lambdas do, in execution order, each with its environment guard. Built once per
/// compilation by <see cref="AppModelProvider"/>; rules query it and never walk trees themselves.
/// </summary>
internal sealed class WebAppModel
{
    private readonly KnownTypes _types;
    private RateLimiterModel? _rateLimiter;

    internal WebAppModel(
        KnownTypes types,
        AppKind kind,
        IMethodSymbol entry,
        IMethodSymbol? configureServices,
        SyntaxNode anchor,
        ImmutableArray<AppStep> steps,
        ImmutableArray<string> incompleteReasons,
        AppNames names,
        ImmutableArray<StatementSyntax> pipelineStatements,
        ImmutableArray<StatementSyntax> serviceStatements,
        ImmutableArray<GuardBlock> pipelineGuardBlocks)
    {
        PipelineGuardBlocks = pipelineGuardBlocks;
        _types = types;
        Kind = kind;
        Entry = entry;
        ConfigureServices = configureServices;
        AnchorSyntax = anchor;
        Steps = steps;
        IncompleteReasons = incompleteReasons;
        Names = names;
        PipelineStatements = pipelineStatements;
        ServiceStatements = serviceStatements;
    }

    public AppKind Kind { get; }

    /// <summary>The method that configures the pipeline: <c>&lt;Main&gt;$</c> for top-level statements, <c>Main</c>, or <c>Startup.Configure</c>.</summary>
    public IMethodSymbol Entry { get; }

    /// <summary><c>Startup.ConfigureServices</c>, when the app is a Startup class that has one.</summary>
    public IMethodSymbol? ConfigureServices { get; }

    /// <summary>Where app-wide findings are reported: the <c>builder.Build()</c> or <c>WebApplication.Create()</c> call, or the <c>Configure</c> method's name.</summary>
    public SyntaxNode AnchorSyntax { get; }

    public Location Anchor => AnchorSyntax is MethodDeclarationSyntax method ? method.Identifier.GetLocation() : AnchorSyntax.GetLocation();

    public ImmutableArray<AppStep> Steps { get; }

    /// <summary>Why the model may miss steps (an opaque helper, a helper beyond the depth limit, …). "Missing X" rules stay silent when any.</summary>
    public ImmutableArray<string> IncompleteReasons { get; }

    public bool IsIncomplete => !IncompleteReasons.IsEmpty;

    /// <summary>A Startup class for the Development environment only (<c>StartupDevelopment</c>): it has no production path.</summary>
    public bool IsDevelopmentOnly => Kind == AppKind.Startup && Entry.ContainingType.Name == "StartupDevelopment";

    /// <summary>The names a fix can use: the app, builder and environment expressions.</summary>
    public AppNames Names { get; }

    /// <summary>The statements of the body that configures the pipeline (top-level statements after <c>Build()</c>, or <c>Configure</c>'s body).</summary>
    public ImmutableArray<StatementSyntax> PipelineStatements { get; }

    /// <summary>The statements that register services (top-level statements before <c>Build()</c>, or <c>ConfigureServices</c>' body).</summary>
    public ImmutableArray<StatementSyntax> ServiceStatements { get; }

    /// <summary>The <c>if</c> statements among <see cref="PipelineStatements"/> whose condition is an environment check.</summary>
    public ImmutableArray<GuardBlock> PipelineGuardBlocks { get; }

    /// <summary>The app's rate limiter: registrations, middleware, policies, global limiter; computed once and shared by AG0601–AG0604.</summary>
    public RateLimiterModel RateLimiter
    {
        get
        {
            if (Volatile.Read(ref _rateLimiter) is { } known)
            {
                return known;
            }

            // Computing twice on a race is harmless: the result is the same, and one of them is kept.
            Interlocked.CompareExchange(ref _rateLimiter, RateLimiterModel.Create(this, _types), null);
            return _rateLimiter!;
        }
    }

    /// <summary>The steps that call <paramref name="name"/> declared on <paramref name="containingType"/>.</summary>
    public IEnumerable<AppStep> Calls(KnownType containingType, string name)
        => Steps.Where(s => s.Method is { } method && method.Name == name && _types.IsType(method.ContainingType, containingType));

    /// <summary>The steps that call any method declared on <paramref name="containingType"/>.</summary>
    public IEnumerable<AppStep> CallsOn(KnownType containingType)
        => Steps.Where(s => s.Method is { } method && _types.IsType(method.ContainingType, containingType));

    /// <summary>Whether the app maps endpoints: minimal APIs, controllers, pages, hubs, … (any <c>Map*</c> on an endpoint route builder).</summary>
    public bool MapsEndpoints => EndpointMappings.Any();

    /// <summary>The <c>Map*</c> calls on an <c>IEndpointRouteBuilder</c> (including <c>WebApplication</c> and route groups).</summary>
    public IEnumerable<AppStep> EndpointMappings => Steps.Where(s => s.Method is { } method
        && method.Name.StartsWith("Map", StringComparison.Ordinal)
        && method.Parameters.Length > 0
        && method.IsExtensionMethod
        && _types.IsOrInherits(method.Parameters[0].Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder));

    /// <summary>
    /// Whether the app registers authentication handlers outside Development: <c>AddAuthentication(…)</c> (with the schemes chained
    /// on it), or Identity's <c>AddIdentity</c>/<c>AddDefaultIdentity</c>/<c>AddIdentityApiEndpoints</c>, which register their own schemes.
    /// </summary>
    public bool RegistersAuthentication => Steps.Any(s => s.RunsOutsideDevelopment && s.Method is { } method
        && ((method.Name == "AddAuthentication" && _types.IsType(method.ContainingType, KnownType.Microsoft_Extensions_DependencyInjection_AuthenticationServiceCollectionExtensions))
            || IsIdentityWithCookies(method)));

    /// <summary>
    /// Whether the app authenticates users with cookies outside Development: a cookie scheme (<c>AddCookie</c>), Identity's cookies
    /// (<c>AddIdentityCookies</c>, <c>AddApplicationCookie</c>), or Identity's full registrations (<c>AddIdentity</c>,
    /// <c>AddDefaultIdentity</c>, <c>AddIdentityApiEndpoints</c>), which add the application cookie. A browser sends such a cookie with
    /// cross-site requests, so forms need antiforgery protection; an API that only accepts bearer tokens does not.
    /// </summary>
    public bool AuthenticatesWithCookies => Steps.Any(s => s.RunsOutsideDevelopment && s.Method is { } method
        && ((method.Name == "AddCookie" && _types.IsType(method.ContainingType, KnownType.Microsoft_Extensions_DependencyInjection_CookieExtensions))
            || (method.Name is "AddIdentityCookies" or "AddApplicationCookie" && _types.IsType(method.ContainingType, KnownType.Microsoft_AspNetCore_Identity_IdentityCookieAuthenticationBuilderExtensions))
            || IsIdentityWithCookies(method)));

    /// <summary>
    /// Whether two steps run one after the other in the same requests outside Development, so their order matters: both in the
    /// main pipeline (or both directly in the same <c>Map</c>/<c>MapWhen</c>/<c>UseWhen</c> branch lambda), neither Development-only
    /// nor unclassified, and either one of them always runs or both sit under the same environment check. Steps of different
    /// branches, or under different checks (<c>IsProduction()</c> and <c>IsStaging()</c>), are never compared.
    /// </summary>
    public bool RunTogether(AppStep first, AppStep second)
    {
        if (!first.RunsOutsideDevelopment || !second.RunsOutsideDevelopment || first.Branch != second.Branch)
        {
            return false;
        }

        if (first.Branch != BranchKind.None
            && (!first.Helpers.IsEmpty || !second.Helpers.IsEmpty || EnclosingLambda(first.Syntax) != EnclosingLambda(second.Syntax)))
        {
            return false;
        }

        return first.Guard == GuardKind.Always || second.Guard == GuardKind.Always
            || (first.Helpers.IsEmpty && second.Helpers.IsEmpty && EnclosingCheck(first.Syntax) is { } check && check == EnclosingCheck(second.Syntax));
    }

    private bool IsIdentityWithCookies(IMethodSymbol method)
        => method.Name is "AddIdentity" or "AddDefaultIdentity" or "AddIdentityApiEndpoints"
            && _types.IsType(method.ReturnType, KnownType.Microsoft_AspNetCore_Identity_IdentityBuilder);

    private static SyntaxNode? EnclosingLambda(SyntaxNode node) => node.Ancestors().FirstOrDefault(a => a is AnonymousFunctionExpressionSyntax);

    private static SyntaxNode? EnclosingCheck(SyntaxNode node)
        => node.Ancestors().FirstOrDefault(a => a is IfStatementSyntax or ConditionalExpressionSyntax or SwitchStatementSyntax or AnonymousFunctionExpressionSyntax or MemberDeclarationSyntax);

    /// <summary>
    /// The first statement of <see cref="PipelineStatements"/> that contains a step matching <paramref name="predicate"/>, or holds
    /// a call made through a helper that does. A fix inserts a middleware before it.
    /// </summary>
    public StatementSyntax? FirstPipelineStatement(Func<AppStep, bool> predicate)
    {
        foreach (var statement in PipelineStatements)
        {
            foreach (var step in Steps)
            {
                if (predicate(step) && Reaches(statement, step))
                {
                    return statement;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The last statement of <see cref="PipelineStatements"/> that contains a step matching <paramref name="predicate"/>, or holds a
    /// call made through a helper that does. A fix inserts a middleware after it.
    /// </summary>
    public StatementSyntax? LastPipelineStatement(Func<AppStep, bool> predicate)
    {
        for (var i = PipelineStatements.Length - 1; i >= 0; i--)
        {
            var statement = PipelineStatements[i];
            if (Steps.Any(step => predicate(step) && Reaches(statement, step)))
            {
                return statement;
            }
        }

        return null;
    }

    /// <summary>The entry-body statement that contains <paramref name="step"/> (or the call to the helper that reaches it).</summary>
    public StatementSyntax? StatementOf(AppStep step)
    {
        foreach (var statement in PipelineStatements.Concat(ServiceStatements))
        {
            if (Reaches(statement, step))
            {
                return statement;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="node"/> sits in the entry body itself, not inside a lambda or local function there: only such code
    /// can be moved to another statement of the entry body without losing the names it uses.
    /// </summary>
    public bool IsInEntryBody(SyntaxNode node)
    {
        var statement = PipelineStatements.Concat(ServiceStatements).FirstOrDefault(s => s.SyntaxTree == node.SyntaxTree && s.Span.Contains(node.Span));
        if (statement is null)
        {
            return false;
        }

        for (var current = node.Parent; current is not null && current != statement; current = current.Parent)
        {
            if (current is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Reaches(StatementSyntax statement, AppStep step)
    {
        if (step.Syntax.SyntaxTree == statement.SyntaxTree && statement.Span.Contains(step.Syntax.Span))
        {
            return true;
        }

        // A step inside a helper: the statement holds the call to the outermost helper.
        return !step.Helpers.IsEmpty && step.HelperCallSites.Any(site => site.SyntaxTree == statement.SyntaxTree && statement.Span.Contains(site.Span));
    }
}

/// <summary>The names a fix can write in an app's entry body.</summary>
internal sealed class AppNames
{
    public AppNames(string? app, string? builder, string? environment, string? services)
    {
        App = app;
        Builder = builder;
        Environment = environment;
        Services = services;
    }

    /// <summary>The <c>WebApplication</c> local, or <c>Configure</c>'s <c>IApplicationBuilder</c> parameter.</summary>
    public string? App { get; }

    /// <summary>The <c>WebApplicationBuilder</c> local (top-level and <c>Main</c> apps).</summary>
    public string? Builder { get; }

    /// <summary>An expression of type <c>IHostEnvironment</c>: <c>app.Environment</c>, or <c>Configure</c>'s environment parameter; null when there is none.</summary>
    public string? Environment { get; }

    /// <summary>An expression of type <c>IServiceCollection</c>: <c>builder.Services</c>, or <c>ConfigureServices</c>' parameter.</summary>
    public string? Services { get; }
}

/// <summary>An <c>if</c> statement of the entry body whose condition checks the environment, with what each branch implies.</summary>
internal sealed class GuardBlock
{
    public GuardBlock(IfStatementSyntax statement, GuardKind whenTrue, GuardKind whenFalse)
    {
        Statement = statement;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
    }

    public IfStatementSyntax Statement { get; }

    public GuardKind WhenTrue { get; }

    public GuardKind WhenFalse { get; }
}
