using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Descriptors;
using ApiGuard.Analyzers.Infrastructure;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Rules.Auth;

/// <summary>
/// AG0306: the authentication, authorization and CORS middleware run in an order that breaks them. <c>UseAuthorization()</c> before
/// <c>UseAuthentication()</c> authorizes every request before the user is known; <c>UseCors()</c> after either of them answers CORS
/// preflight requests (which carry no credentials) with 401/403. A <c>Startup</c>-style app that registers authentication schemes and
/// authorizes requests but never calls <c>UseAuthentication()</c> never signs anyone in (<c>WebApplication</c> adds that middleware by
/// itself). The facts come from the app model's ordered steps; steps of different branches or environment checks are not compared.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AuthMiddlewareOrderAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Property: <see cref="MoveKind"/> (move a call before another) or <see cref="MissingKind"/> (insert <c>UseAuthentication()</c>).</summary>
    public const string KindProperty = "Kind";

    public const string MoveKind = "Move";

    public const string MissingKind = "Missing";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the statement the fix moves.</summary>
    public const string MoveLocationProperty = "Move.Location";

    /// <summary>Property: index in <c>AdditionalLocations</c> of the statement the moved one goes before.</summary>
    public const string BeforeLocationProperty = "Before.Location";

    /// <summary>Property: the name of the middleware method the fix moves (<c>UseAuthentication</c>, <c>UseCors</c>).</summary>
    public const string MovedProperty = "Moved";

    internal static readonly DiagnosticDescriptor Rule = Descriptors.Descriptors.Create(
        RuleIds.AuthMiddlewareOrder,
        title: "Call authentication, authorization and CORS middleware in order",
        messageFormat: "{0}",
        description: "Middleware runs in the order it is added. UseAuthentication() must come before UseAuthorization(), or requests are authorized "
            + "before the user is known; UseCors() must come before both, or CORS preflight requests are rejected; and a Startup-style app that "
            + "registers authentication schemes must call UseAuthentication(), or nobody is ever signed in.",
        RuleArea.Auth,
        DiagnosticSeverity.Warning,
        cwe: 696,
        owasp: "API2",
        hasCodeFix: true);

    internal const string AuthenticationAfterAuthorizationMessage = "UseAuthentication() runs after UseAuthorization(): requests are authorized before the user is known";

    internal const string CorsAfterMessageFormat = "UseCors() runs after {0}(): CORS preflight requests are rejected before CORS answers them";

    internal const string MissingAuthenticationMessage = "Authentication schemes are registered, but the pipeline never calls UseAuthentication() before UseAuthorization()";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var types = KnownTypes.GetOrCreate(start.Compilation);
            if (!types.IsAspNetCoreApp
                || types.Get(KnownType.Microsoft_AspNetCore_Builder_AuthorizationAppBuilderExtensions) is null
                || ApiGuardOptions.SkipCompilation(start.Options.AnalyzerConfigOptionsProvider))
            {
                return;
            }

            var provider = AppModelProvider.GetOrCreate(start.Compilation);
            start.RegisterOperationBlockAction(context => Analyze(context, provider));
        });
    }

    private static void Analyze(OperationBlockAnalysisContext context, AppModelProvider provider)
    {
        if (!AppEntry.CanBeEntry(context.OwningSymbol)
            || provider.AppWithEntry(context.OwningSymbol, context.CancellationToken) is not { IsIncomplete: false, IsDevelopmentOnly: false } app
            || app.AnchorSyntax.SyntaxTree != context.OperationBlocks[0].Syntax.SyntaxTree)
        {
            return;
        }

        var authentication = app.Calls(KnownType.Microsoft_AspNetCore_Builder_AuthAppBuilderExtensions, "UseAuthentication").ToList();
        var authorization = app.Calls(KnownType.Microsoft_AspNetCore_Builder_AuthorizationAppBuilderExtensions, "UseAuthorization").ToList();
        var cors = app.Calls(KnownType.Microsoft_AspNetCore_Builder_CorsMiddlewareExtensions, "UseCors").ToList();

        // UseAuthentication() after a UseAuthorization() that no earlier UseAuthentication() precedes.
        foreach (var late in authentication)
        {
            var before = authorization.FirstOrDefault(z => Before(app, z, late) && !authentication.Any(a => Before(app, a, z) && app.RunTogether(a, z)));
            if (before is not null)
            {
                ReportMove(context, app, late, before, AuthenticationAfterAuthorizationMessage);
            }
        }

        // UseCors() after UseAuthentication() or UseAuthorization().
        foreach (var late in cors)
        {
            var before = authentication.Concat(authorization).Where(x => Before(app, x, late)).OrderBy(x => app.Steps.IndexOf(x)).FirstOrDefault();
            if (before is not null)
            {
                ReportMove(context, app, late, before, string.Format(System.Globalization.CultureInfo.InvariantCulture, CorsAfterMessageFormat, before.Member.Name));
            }
        }

        // A Startup app that registers schemes and authorizes requests, but never authenticates them.
        if (app.Kind == AppKind.Startup
            && authentication.Count == 0
            && authorization.FirstOrDefault(z => z.RunsOutsideDevelopment) is { } first
            && app.RegistersAuthentication)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var locations = new List<Location>();
            properties[KindProperty] = MissingKind;
            if (!PipelineInsertion.TryPlan(app, GuardKind.Always, step => authorization.Contains(step), properties, locations))
            {
                properties.Clear();
                locations.Clear();
            }

            context.ReportDiagnostic(Diagnostic.Create(Rule, LocationOf(app, first), locations, properties.ToImmutable(), MissingAuthenticationMessage));
        }
    }

    /// <summary>Whether <paramref name="earlier"/> runs before <paramref name="later"/> in the same requests.</summary>
    private static bool Before(WebAppModel app, AppStep earlier, AppStep later)
        => app.Steps.IndexOf(earlier) < app.Steps.IndexOf(later) && app.RunTogether(earlier, later);

    private static void ReportMove(OperationBlockAnalysisContext context, WebAppModel app, AppStep late, AppStep early, string message)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>();
        var locations = new List<Location>();
        if (late.Helpers.IsEmpty && early.Helpers.IsEmpty
            && PipelineInsertion.SingleCallStatement(late.Syntax) is { } moved
            && app.IsInEntryBody(moved)
            && early.Syntax.FirstAncestorOrSelf<StatementSyntax>() is { } target
            && app.IsInEntryBody(target)
            && SameList(moved, target)
            && !RoutingBetween(app, target, moved))
        {
            properties[KindProperty] = MoveKind;
            properties[MovedProperty] = late.Member.Name;
            properties[MoveLocationProperty] = "0";
            properties[BeforeLocationProperty] = "1";
            locations.Add(moved.GetLocation());
            locations.Add(target.GetLocation());
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, LocationOf(app, late), locations, properties.ToImmutable(), message));
    }

    /// <summary>Whether two statements are in the same statement list (one block, or the top-level statements).</summary>
    private static bool SameList(StatementSyntax first, StatementSyntax second)
        => first.Parent is GlobalStatementSyntax global
            ? second.Parent is GlobalStatementSyntax other && global.Parent == other.Parent
            : first.Parent is BlockSyntax && first.Parent == second.Parent;

    /// <summary>Whether <c>UseRouting()</c> runs between the two statements: moving CORS above it would take it out of endpoint routing.</summary>
    private static bool RoutingBetween(WebAppModel app, StatementSyntax target, StatementSyntax moved)
        => app.Calls(KnownType.Microsoft_AspNetCore_Builder_EndpointRoutingApplicationBuilderExtensions, "UseRouting")
            .Any(r => r.Syntax.SyntaxTree == target.SyntaxTree && r.Syntax.SpanStart >= target.SpanStart && r.Syntax.SpanStart < moved.SpanStart);

    /// <summary>The call itself when it is in the entry body, else the app's anchor.</summary>
    private static Location LocationOf(WebAppModel app, AppStep step)
        => step.Helpers.IsEmpty && step.Syntax.SyntaxTree == app.AnchorSyntax.SyntaxTree && step.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            ? member.Name.GetLocation()
            : app.Anchor;
}
