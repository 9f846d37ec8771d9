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
    {
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
        if (outsideDevelopment)
        {
            var block = app.PipelineGuardBlocks.LastOrDefault(b => app.PipelineStatements.IndexOf(b.Statement) < limit && OffersNonDevelopmentBranch(b));
            if (block is not null)
            {
                target = block.Statement;
                mode = block.WhenTrue == GuardKind.NonDevelopmentOnly ? InsertionMode.IntoTrue
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

                condition = "!" + environment + ".IsDevelopment()";
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

    /// <summary>A branch that runs only outside Development: the true branch, or the else of a plain <c>if (IsDevelopment())</c>.</summary>
    private static bool OffersNonDevelopmentBranch(GuardBlock block)
        => block.WhenTrue == GuardKind.NonDevelopmentOnly
            || (block.WhenTrue == GuardKind.DevelopmentOnly && block.WhenFalse == GuardKind.NonDevelopmentOnly
                && block.Statement.Else?.Statement is null or BlockSyntax);

    private static bool IsRun(AppStep step)
        => step.Method is { Name: "Run" or "RunAsync" or "Start" or "StartAsync" } method
            && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.", StringComparison.Ordinal) == true;
}
