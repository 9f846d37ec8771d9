using System.Threading;
using ApiGuard.Analyzers.AppModel;
using ApiGuard.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ApiGuard.Analyzers.Rules.ErrorHandling;

/// <summary>Where a <see cref="DevelopmentOnlyPlan"/> puts the statement.</summary>
internal enum DevelopmentOnlyPlacement
{
    /// <summary>No fix: no statement to move, or no environment to check.</summary>
    None,

    /// <summary>Moved into the app's development branch in its entry body (or wrapped there in a new guard).</summary>
    EntryBody,

    /// <summary>Wrapped in place, in a lambda of the entry body or in a helper.</summary>
    InPlace,
}

/// <summary>
/// Plans the fix that makes a call run only in Development (AG0401, AG0404): in the app's entry body the statement moves into the
/// existing development branch before it, or into a new <c>if (…IsDevelopment())</c> guard; in a lambda of the entry body or in a
/// helper it is wrapped in place, with the environment the code can reach. The fixer side is <c>DevelopmentGuardFix</c>.
/// </summary>
internal static class DevelopmentOnlyPlan
{
    /// <summary>Property: index in <c>AdditionalLocations</c> of the statement that holds the call (the fix moves or wraps it).</summary>
    public const string StatementProperty = "Statement.Location";

    /// <summary>Property: the condition to wrap the statement in, in place (calls in helpers and lambdas).</summary>
    public const string WrapConditionProperty = "Wrap.Condition";

    /// <summary>Plans the fix for <paramref name="statement"/>, which holds <paramref name="invocation"/> (reached by <paramref name="steps"/>).</summary>
    public static DevelopmentOnlyPlacement Plan(
        IInvocationOperation invocation,
        StatementSyntax statement,
        ImmutableArray<AppStep> steps,
        AppModelProvider provider,
        KnownTypes types,
        ImmutableDictionary<string, string?>.Builder properties,
        List<Location> locations,
        CancellationToken cancellationToken,
        out WebAppModel? app)
    {
        var step = steps.FirstOrDefault(s => s.RunsOutsideDevelopment);
        app = step is not null && step.Helpers.IsEmpty ? provider.GetApps(cancellationToken).FirstOrDefault(a => a.Steps.Contains(step)) : null;
        if (app is not null && step is not null && !app.IsInEntryBody(statement))
        {
            // In a lambda of the entry body (a UseWhen branch, UseEndpoints, …): wrap it in place with the app's environment.
            if (app.Names.Environment is { } environment)
            {
                AddStatement(properties, locations, statement);
                properties[WrapConditionProperty] = environment + ".IsDevelopment()";
                return DevelopmentOnlyPlacement.InPlace;
            }

            return DevelopmentOnlyPlacement.None;
        }

        if (app is not null && step is not null)
        {
            // In the entry body: move the call into the app's development branch (an existing one before it, or a new guard).
            if (PipelineInsertion.TryPlan(app, GuardKind.DevelopmentOnly, s => ReferenceEquals(s, step), properties, locations))
            {
                AddStatement(properties, locations, statement);
                return DevelopmentOnlyPlacement.EntryBody;
            }

            return DevelopmentOnlyPlacement.None;
        }

        if (WrapCondition(invocation, types) is { } condition)
        {
            // In a helper: wrap the call where it is, with the environment the helper can reach.
            AddStatement(properties, locations, statement);
            properties[WrapConditionProperty] = condition;
            return DevelopmentOnlyPlacement.InPlace;
        }

        return DevelopmentOnlyPlacement.None;
    }

    /// <summary>An environment check the enclosing method can make: an environment parameter, <c>app.Environment</c>, or the app's services.</summary>
    private static string? WrapCondition(IInvocationOperation invocation, KnownTypes types)
    {
        if (invocation.SemanticModel?.GetEnclosingSymbol(invocation.Syntax.SpanStart) is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
        {
            return null;
        }

        foreach (var parameter in method.Parameters)
        {
            if (types.IsOrInherits(parameter.Type, KnownType.Microsoft_Extensions_Hosting_IHostEnvironment))
            {
                return parameter.Name + ".IsDevelopment()";
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (types.IsOrInherits(parameter.Type, KnownType.Microsoft_AspNetCore_Builder_WebApplication))
            {
                return parameter.Name + ".Environment.IsDevelopment()";
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (types.IsOrInherits(parameter.Type, KnownType.Microsoft_AspNetCore_Builder_IApplicationBuilder))
            {
                return "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>("
                    + parameter.Name + ".ApplicationServices).IsDevelopment()";
            }
        }

        foreach (var parameter in method.Parameters)
        {
            if (types.IsOrInherits(parameter.Type, KnownType.Microsoft_AspNetCore_Routing_IEndpointRouteBuilder))
            {
                return "Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>("
                    + parameter.Name + ".ServiceProvider).IsDevelopment()";
            }
        }

        return null;
    }

    private static void AddStatement(ImmutableDictionary<string, string?>.Builder properties, List<Location> locations, StatementSyntax statement)
    {
        properties[StatementProperty] = locations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        locations.Add(statement.GetLocation());
    }
}
