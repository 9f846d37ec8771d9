using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ApiGuard.Analyzers.AppModel;

/// <summary>How a fix inserts a statement into an app's entry body.</summary>
internal enum InsertionMode
{
    /// <summary>Before the target statement (wrapped in a new environment guard when <see cref="PipelineInsertion.ConditionKey"/> is set).</summary>
    Before,

    /// <summary>After the target statement.</summary>
    After,

    /// <summary>At the end of the true branch of the target <c>if</c> statement.</summary>
    IntoTrue,

    /// <summary>At the end of the <c>else</c> branch of the target <c>if</c> statement.</summary>
    IntoElse,

    /// <summary>In a new <c>else</c> branch of the target <c>if</c> statement.</summary>
    AddElse,
}

/// <summary>How a fix inserts a service registration into the code that registers the app's services.</summary>
internal enum ServicesInsertionMode
{
    /// <summary>After the target statement (the last one before <c>Build()</c>, or the last one of <c>ConfigureServices</c>).</summary>
    After,

    /// <summary>Into the target block, the empty body of <c>ConfigureServices</c>.</summary>
    IntoEmptyBody,

    /// <summary>Into the target method, an expression-bodied <c>ConfigureServices</c>, which becomes a block.</summary>
    IntoExpressionBody,
}

/// <summary>
/// Plans where a fix puts a new statement in the app's entry body (a middleware call, an environment guard), and passes the plan
/// to the fixer through diagnostic properties and an additional location, so that fixers never re-run the analysis. The fixer
/// side is <c>ApiGuard.CodeFixes.Infrastructure.PipelineInsertionFix</c>.
/// </summary>
internal static class PipelineInsertion
{
    public const string ModeKey = "Insert.Mode";
    public const string LocationKey = "Insert.Location";
    public const string ConditionKey = "Insert.Condition";
    public const string AppKey = "Insert.App";
    public const string AddEnvironmentParameterKey = "Insert.AddEnvironmentParameter";

    public const string ServicesModeKey = "InsertServices.Mode";
    public const string ServicesLocationKey = "InsertServices.Location";
    public const string ServicesKey = "InsertServices.Services";

    /// <summary>The parameter a fix adds to <c>Startup.Configure</c> when it needs the environment and there is none.</summary>
    public const string EnvironmentParameterName = "env";

    /// <summary>
    /// Plans the insertion of a pipeline call before the first entry-body statement that holds a step matching
    /// <paramref name="insertBefore"/> (else before <c>app.Run()</c>, else at the end). With <paramref name="insertAfter"/>, the call
    /// goes after the last statement that holds a matching step instead, when there is one (a middleware that needs routing and
    /// the user). With <paramref name="outsideDevelopment"/>, the call goes into an existing non-development branch before that
    /// point when there is one, else into a new <c>if (!env.IsDevelopment())</c> guard. Returns false when the entry body gives no
    /// place to insert.
    /// </summary>
    public static bool TryPlan(
        WebAppModel app,
        bool outsideDevelopment,
        Func<AppStep, bool> insertBefore,
        ImmutableDictionary<string, string?>.Builder properties,
        List<Location> additionalLocations,
        Func<AppStep, bool>? insertAfter = null)
        => TryPlan(app, outsideDevelopment ? GuardKind.NonDevelopmentOnly : GuardKind.Always, insertBefore, properties, additionalLocations, insertAfter);

    /// <summary>
    /// Plans the insertion of a call that must run under <paramref name="guard"/>: <see cref="GuardKind.Always"/> (no guard),
    /// <see cref="GuardKind.NonDevelopmentOnly"/> or <see cref="GuardKind.DevelopmentOnly"/> (an existing matching branch before the
    /// insertion point, else a new guard).
    /// </summary>
    public static bool TryPlan(
        WebAppModel app,
        GuardKind guard,
        Func<AppStep, bool> insertBefore,
        ImmutableDictionary<string, string?>.Builder properties,
        List<Location> additionalLocations,
        Func<AppStep, bool>? insertAfter = null)
    {
        var outsideDevelopment = guard == GuardKind.NonDevelopmentOnly;
        var insideDevelopment = guard == GuardKind.DevelopmentOnly;
        if (app.Names.App is null || app.PipelineStatements.IsEmpty)
        {
            return false;
        }

        var mode = InsertionMode.Before;
        StatementSyntax? target = null;
        if (insertAfter is not null && app.LastPipelineStatement(insertAfter) is { } after)
        {
            mode = InsertionMode.After;
            target = after;
        }

        target ??= app.FirstPipelineStatement(insertBefore) ?? app.FirstPipelineStatement(IsRun);
        if (target is null)
        {
            mode = InsertionMode.After;
            target = app.PipelineStatements[app.PipelineStatements.Length - 1];
        }

        var limit = mode == InsertionMode.Before ? app.PipelineStatements.IndexOf(target) : app.PipelineStatements.IndexOf(target) + 1;
        string? condition = null;
        if (outsideDevelopment || insideDevelopment)
        {
            var block = app.PipelineGuardBlocks.LastOrDefault(b => app.PipelineStatements.IndexOf(b.Statement) < limit && OffersBranch(b, guard));
            if (block is not null)
            {
                target = block.Statement;
                mode = block.WhenTrue == guard ? InsertionMode.IntoTrue
                    : block.Statement.Else is null ? InsertionMode.AddElse
                    : InsertionMode.IntoElse;
            }
            else
            {
                var environment = app.Names.Environment;
                if (environment is null)
                {
                    if (app.Kind != AppKind.Startup)
                    {
                        return false;
                    }

                    environment = EnvironmentParameterName;
                    properties[AddEnvironmentParameterKey] = "true";
                }

                condition = (outsideDevelopment ? "!" : string.Empty) + environment + ".IsDevelopment()";
            }
        }

        properties[ModeKey] = mode.ToString();
        properties[AppKey] = app.Names.App;
        properties[LocationKey] = additionalLocations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (condition is not null)
        {
            properties[ConditionKey] = condition;
        }

        additionalLocations.Add(target.GetLocation());
        return true;
    }

    /// <summary>
    /// Plans the insertion of a service registration where the app registers its services: after the last statement before
    /// <c>builder.Build()</c> (top-level and <c>Main</c> apps with a <c>WebApplicationBuilder</c>), or at the end of
    /// <c>Startup.ConfigureServices</c> (an empty or expression-bodied one included). The services expression (<c>builder.Services</c>,
    /// <c>services</c>) goes into <see cref="ServicesKey"/>. Returns false when there is no such place (<c>WebApplication.Create</c>,
    /// a Startup class without <c>ConfigureServices</c>).
    /// </summary>
    public static bool TryPlanServices(
        WebAppModel app,
        ImmutableDictionary<string, string?>.Builder properties,
        List<Location> additionalLocations,
        System.Threading.CancellationToken cancellationToken)
    {
        if (app.Names.Services is not { } services)
        {
            return false;
        }

        ServicesInsertionMode mode;
        SyntaxNode target;
        if (!app.ServiceStatements.IsEmpty && (app.Kind == AppKind.Startup || app.Names.Builder is not null))
        {
            mode = ServicesInsertionMode.After;
            target = app.ServiceStatements[app.ServiceStatements.Length - 1];
        }
        else if (app.Kind == AppKind.Startup
            && app.ConfigureServices?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax declaration)
        {
            if (declaration.Body is { Statements.Count: 0 } body)
            {
                mode = ServicesInsertionMode.IntoEmptyBody;
                target = body;
            }
            else if (declaration.ExpressionBody is not null)
            {
                mode = ServicesInsertionMode.IntoExpressionBody;
                target = declaration;
            }
            else
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        properties[ServicesModeKey] = mode.ToString();
        properties[ServicesKey] = services;
        properties[ServicesLocationKey] = additionalLocations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        additionalLocations.Add(target.GetLocation());
        return true;
    }

    /// <summary>
    /// The statement a fix may move or wrap for the call at <paramref name="invocation"/>: only a statement that is exactly one
    /// call on a name (<c>app.UseHsts();</c>). A fluent chain would take other middleware along.
    /// </summary>
    public static ExpressionStatementSyntax? SingleCallStatement(SyntaxNode invocation)
        => invocation is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax }, Parent: ExpressionStatementSyntax statement }
            ? statement
            : null;

    /// <summary>
    /// A branch that runs only under <paramref name="guard"/>: the true branch, or the else of an <c>if</c> whose true branch is the
    /// opposite (<c>if (IsDevelopment()) … else …</c>).
    /// </summary>
    private static bool OffersBranch(GuardBlock block, GuardKind guard)
    {
        var opposite = guard == GuardKind.DevelopmentOnly ? GuardKind.NonDevelopmentOnly : GuardKind.DevelopmentOnly;
        return block.WhenTrue == guard
            || (block.WhenTrue == opposite && block.WhenFalse == guard && block.Statement.Else?.Statement is null or BlockSyntax);
    }

    private static bool IsRun(AppStep step)
        => step.Method is { Name: "Run" or "RunAsync" or "Start" or "StartAsync" } method
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.", StringComparison.Ordinal) == true;
}
