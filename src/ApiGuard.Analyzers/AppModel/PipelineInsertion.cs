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

    /// <summary>The parameter a fix adds to <c>Startup.Configure</c> when it needs the environment and there is none.</summary>
    public const string EnvironmentParameterName = "env";

    /// <summary>
    /// Plans the insertion of a pipeline call before the first entry-body statement that holds a step matching
    /// <paramref name="insertBefore"/> (else before <c>app.Run()</c>, else at the end). With <paramref name="outsideDevelopment"/>, the
    /// call goes into an existing non-development branch before that point when there is one, else into a new
    /// <c>if (!env.IsDevelopment())</c> guard. Returns false when the entry body gives no place to insert.
    /// </summary>
    public static bool TryPlan(
        WebAppModel app,
        bool outsideDevelopment,
        Func<AppStep, bool> insertBefore,
        ImmutableDictionary<string, string?>.Builder properties,
        List<Location> additionalLocations)
        => TryPlan(app, outsideDevelopment ? GuardKind.NonDevelopmentOnly : GuardKind.Always, insertBefore, properties, additionalLocations);

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
        List<Location> additionalLocations)
    {
        var outsideDevelopment = guard == GuardKind.NonDevelopmentOnly;
        var insideDevelopment = guard == GuardKind.DevelopmentOnly;
        if (app.Names.App is null || app.PipelineStatements.IsEmpty)
        {
            return false;
        }

        var mode = InsertionMode.Before;
        StatementSyntax? target = app.FirstPipelineStatement(insertBefore) ?? app.FirstPipelineStatement(IsRun);
        if (target is null)
        {
            mode = InsertionMode.After;
            target = app.PipelineStatements[app.PipelineStatements.Length - 1];
        }

        var limit = mode == InsertionMode.Before ? app.PipelineStatements.IndexOf(target) : app.PipelineStatements.Length;
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
