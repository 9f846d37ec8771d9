namespace ApiGuard.Analyzers.Descriptors;

/// <summary>
/// The diagnostic category and the area tags. Every rule is in category <see cref="Security"/>, so that
/// <c>dotnet_analyzer_diagnostic.category-Security.severity</c> configures them together; the area is a custom tag.
/// </summary>
public static class RuleCategories
{
    public const string Security = "Security";
}

/// <summary>The areas, one per hundred-block of rule IDs.</summary>
public enum RuleArea
{
    Transport = 1,
    Cors = 2,
    Auth = 3,
    ErrorHandling = 4,
    Secrets = 5,
    RateLimiting = 6,
    HeadersAndCookies = 7,
    ConfigurationFiles = 8,
}
