using ApiGuard.Analyzers.AppModel;
using Microsoft.CodeAnalysis;

namespace ApiGuard.Analyzers.Rules.RateLimiting;

/// <summary>
/// Where the rate-limiting fixes put <c>app.UseRateLimiter()</c>: after routing, CORS, authentication and authorization (so that
/// endpoint policies and the signed-in user are known when a request is counted), else before the endpoints.
/// </summary>
internal static class RateLimiterPlacement
{
    /// <summary>Plans the insertion of <c>UseRateLimiter()</c> into the app's main pipeline.</summary>
    public static bool TryPlanUseRateLimiter(WebAppModel app, ImmutableDictionary<string, string?>.Builder properties, List<Location> additionalLocations)
    {
        var mappings = new HashSet<AppStep>(app.EndpointMappings);
        return PipelineInsertion.TryPlan(app, outsideDevelopment: false, step => InsertBefore(mappings, step), properties, additionalLocations, InsertAfter);
    }

    private static bool InsertAfter(AppStep step)
        => step.Branch == BranchKind.None
            && IsFramework(step)
            && step.Method!.Name is "UseRouting" or "UseCors" or "UseAuthentication" or "UseAuthorization";

    private static bool InsertBefore(HashSet<AppStep> mappings, AppStep step)
        => step.Branch == BranchKind.None
            && ((IsFramework(step) && step.Method!.Name is "UseEndpoints" or "UseOutputCache" or "UseResponseCaching")
                || mappings.Contains(step));

    private static bool IsFramework(AppStep step)
        => step.Method?.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true;
}
