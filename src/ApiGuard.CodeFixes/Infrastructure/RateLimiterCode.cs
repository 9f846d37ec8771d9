using System.Globalization;
using ApiGuard.Analyzers.Options;
using Microsoft.CodeAnalysis;

namespace ApiGuard.CodeFixes.Infrastructure;

/// <summary>
/// The code the rate-limiting fixes write: a global limiter partitioned per client (the signed-in user's name, else the remote IP
/// address) with a fixed window, rejected requests answered with 429, and named policy skeletons. The limits come from
/// <c>apiguard.rate_limiting.permit_limit</c> and <c>apiguard.rate_limiting.window_seconds</c> (100 requests per 60 seconds by default).
/// Framework types outside <c>System.Threading.RateLimiting</c> (<c>HttpContext</c>, <c>StatusCodes</c>, <c>TimeSpan</c>) are written
/// short where their namespace is imported and fully qualified otherwise (<see cref="Qualifiers"/>), so the code compiles whether or
/// not the Web SDK's implicit usings are on.
/// </summary>
internal static class RateLimiterCode
{
    /// <summary>The namespace of <c>PartitionedRateLimiter</c>, <c>RateLimitPartition</c> and <c>FixedWindowRateLimiterOptions</c>.</summary>
    public const string LimitersNamespace = "System.Threading.RateLimiting";

    /// <summary>A type of <see cref="LimitersNamespace"/> whose lookup tells whether the namespace is imported.</summary>
    public const string LimitersProbeType = "PartitionedRateLimiter";

    /// <summary>The namespace of the <c>AddFixedWindowLimiter</c> extension on <c>RateLimiterOptions</c>.</summary>
    public const string PoliciesNamespace = "Microsoft.AspNetCore.RateLimiting";

    /// <summary>The class of the <c>Add*Limiter</c> extensions, whose lookup tells whether <see cref="PoliciesNamespace"/> is imported.</summary>
    public const string PoliciesProbeType = "RateLimiterOptionsExtensions";

    /// <summary>The limits of the document's options: requests per window, and the window in seconds.</summary>
    public static (int PermitLimit, int WindowSeconds) Limits(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return (ApiGuardOptions.RateLimitingPermitLimit.Read(options), ApiGuardOptions.RateLimitingWindowSeconds.Read(options));
    }

    /// <summary><c>services.AddRateLimiter(options =&gt; { … })</c> with the default global limiter.</summary>
    public static string AddRateLimiter(string services, (int PermitLimit, int WindowSeconds) limits, Qualifiers names, string newLine)
        => services + ".AddRateLimiter(options =>" + newLine
            + "{" + newLine
            + string.Concat(GlobalLimiter("options", withRejectionStatusCode: true, limits, names, newLine).Select(s => SyntaxText.Indent(s, SyntaxText.IndentUnit, newLine) + newLine))
            + "});";

    /// <summary>The statements that set a rejection status code (when asked) and the default global limiter on <paramref name="options"/>.</summary>
    public static IReadOnlyList<string> GlobalLimiter(string options, bool withRejectionStatusCode, (int PermitLimit, int WindowSeconds) limits, Qualifiers names, string newLine)
    {
        var statements = new List<string>();
        if (withRejectionStatusCode)
        {
            statements.Add(options + ".RejectionStatusCode = " + names.Http + "StatusCodes.Status429TooManyRequests;");
        }

        statements.Add(
            options + ".GlobalLimiter = PartitionedRateLimiter.Create<" + names.Http + "HttpContext, string>(context =>" + newLine
            + "    RateLimitPartition.GetFixedWindowLimiter(" + newLine
            + "        context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? \"anonymous\"," + newLine
            + "        _ => new FixedWindowRateLimiterOptions { PermitLimit = " + Number(limits.PermitLimit)
            + ", Window = " + names.System + "TimeSpan.FromSeconds(" + Number(limits.WindowSeconds) + ") }));");
        return statements;
    }

    /// <summary><c>options.AddFixedWindowLimiter("name", limiter =&gt; { … });</c>: a named policy with the default limits.</summary>
    public static string PolicySkeleton(string options, string policyName, (int PermitLimit, int WindowSeconds) limits, Qualifiers names, string newLine)
        => options + ".AddFixedWindowLimiter(" + Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(policyName, quote: true) + ", limiter =>" + newLine
            + "{" + newLine
            + "    limiter.PermitLimit = " + Number(limits.PermitLimit) + ";" + newLine
            + "    limiter.Window = " + names.System + "TimeSpan.FromSeconds(" + Number(limits.WindowSeconds) + ");" + newLine
            + "});";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>How the rate-limiting code names framework types at a position: short when the namespace is imported, else qualified.</summary>
internal readonly struct Qualifiers
{
    private Qualifiers(string http, string system)
    {
        Http = http;
        System = system;
    }

    /// <summary>The prefix of <c>HttpContext</c> and <c>StatusCodes</c>: empty, or <c>Microsoft.AspNetCore.Http.</c>.</summary>
    public string Http { get; }

    /// <summary>The prefix of <c>TimeSpan</c>: empty, or <c>System.</c>.</summary>
    public string System { get; }

    public static Qualifiers At(SemanticModel model, int position)
        => new(
            UsingDirectives.BindsOnlyTo(model, position, "Microsoft.AspNetCore.Http", "HttpContext") && UsingDirectives.BindsOnlyTo(model, position, "Microsoft.AspNetCore.Http", "StatusCodes")
                ? string.Empty
                : "Microsoft.AspNetCore.Http.",
            UsingDirectives.BindsOnlyTo(model, position, "System", "TimeSpan") ? string.Empty : "System.");
}
