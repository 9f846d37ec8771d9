namespace ApiGuard.Analyzers.Descriptors;

/// <summary>
/// Every ApiGuard rule ID, named after the rule. The name is shared by the rule's analyzer, code fix, test class and docs page.
/// IDs are allocated in hundred-blocks per area (see IdRanges.md) and are never reused.
/// </summary>
public static class RuleIds
{
    /// <summary>AG0201: a CORS policy admits any origin.</summary>
    public const string CorsAllowAnyOrigin = "AG0201";

    /// <summary>AG0202: a CORS policy admits any origin and allows credentials.</summary>
    public const string CorsAnyOriginWithCredentials = "AG0202";
}
