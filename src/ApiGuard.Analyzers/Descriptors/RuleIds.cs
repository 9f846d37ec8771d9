namespace ApiGuard.Analyzers.Descriptors;

/// <summary>
/// Every ApiGuard rule ID, named after the rule. The name is shared by the rule's analyzer, code fix, test class and docs page.
/// IDs are allocated in hundred-blocks per area (see IdRanges.md) and are never reused.
/// </summary>
public static class RuleIds
{
    /// <summary>AG0101: the app never enables HSTS outside Development.</summary>
    public const string HstsMissing = "AG0101";

    /// <summary>AG0201: a CORS policy admits any origin.</summary>
    public const string CorsAllowAnyOrigin = "AG0201";

    /// <summary>AG0202: a CORS policy admits any origin and allows credentials.</summary>
    public const string CorsAnyOriginWithCredentials = "AG0202";

    /// <summary>AG0301: an endpoint (minimal API, controller action, page, hub, gRPC service) is reachable without authorization.</summary>
    public const string EndpointWithoutAuthorization = "AG0301";

    /// <summary>AG0401: the developer exception page (or a database error page) is reachable outside Development.</summary>
    public const string DeveloperExceptionPageInProduction = "AG0401";

    /// <summary>AG0501: a credential (password, secret, API key, connection string password) is hard-coded.</summary>
    public const string HardcodedCredential = "AG0501";

    /// <summary>AG0502: a hard-coded credential is a well-known default (admin123, P@ssw0rd, user name as password).</summary>
    public const string DefaultCredential = "AG0502";

    /// <summary>AG0503: a JWT signing key (<c>SymmetricSecurityKey</c>) is built from a hard-coded value.</summary>
    public const string HardcodedJwtSigningKey = "AG0503";

    /// <summary>AG0601: an app that maps endpoints has no rate limiter.</summary>
    public const string RateLimitingMissing = "AG0601";

    /// <summary>AG0602: the rate limiter is registered but not used, used but not registered, or has no limiter.</summary>
    public const string RateLimiterHalfConfigured = "AG0602";

    /// <summary>AG0603: an endpoint names a rate-limit policy that is not registered.</summary>
    public const string RateLimitPolicyUndefined = "AG0603";

    /// <summary>AG0302: token signature validation is turned off (<c>RequireSignedTokens = false</c>, an accept-all <c>SignatureValidator</c>).</summary>
    public const string TokenValidationDisabled = "AG0302";

    /// <summary>AG0307: a token validation check (issuer, audience, lifetime, signing key, expiration) is turned off.</summary>
    public const string TokenClaimValidationDisabled = "AG0307";

    /// <summary>AG0605: a request body size limit is removed (<c>[DisableRequestSizeLimit]</c>, <c>MaxRequestBodySize = null</c>, form limits at their maximum).</summary>
    public const string RequestSizeLimitRemoved = "AG0605";

    /// <summary>AG0604: an endpoint that takes credentials has no rate-limit policy while the app's rate limiter has no global limiter.</summary>
    public const string SignInNotRateLimited = "AG0604";
}
