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

    /// <summary>AG0402: an exception's message, stack trace or details are written into a response.</summary>
    public const string ExceptionDetailsInResponse = "AG0402";

    /// <summary>AG0403: detailed errors (EF Core, SignalR, Blazor, JwtBearer, gRPC) are enabled outside Development.</summary>
    public const string DetailedErrorsInProduction = "AG0403";

    /// <summary>AG0404: API documentation (Swagger, ReDoc, OpenAPI, Scalar, gRPC reflection) is served outside Development without authorization.</summary>
    public const string ApiDocumentationInProduction = "AG0404";

    /// <summary>AG0405: directory browsing (or serving unknown file types) is enabled.</summary>
    public const string DirectoryBrowsingEnabled = "AG0405";

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

    /// <summary>AG0102: the app never redirects HTTP to HTTPS outside Development, and TLS is not declared to end at a proxy.</summary>
    public const string HttpsRedirectionMissing = "AG0102";

    /// <summary>AG0103: a server certificate validation callback accepts every certificate.</summary>
    public const string CertificateValidationDisabled = "AG0103";

    /// <summary>AG0104: JwtBearer or OpenID Connect may fetch the authority's metadata over plain HTTP (<c>RequireHttpsMetadata = false</c>).</summary>
    public const string HttpsMetadataDisabled = "AG0104";

    /// <summary>AG0105: the forwarded headers middleware trusts every proxy (known proxies and networks cleared).</summary>
    public const string ForwardedHeadersTrustAll = "AG0105";
    /// <summary>AG0701: a web app sets none of the security headers (X-Content-Type-Options, frame protection, Content-Security-Policy).</summary>
    public const string SecurityHeadersMissing = "AG0701";

    /// <summary>AG0702: a cookie may be sent over plain HTTP (<c>Secure = false</c>, <c>CookieSecurePolicy.None</c>/<c>SameAsRequest</c>).</summary>
    public const string CookieWithoutSecure = "AG0702";

    /// <summary>AG0703: an authentication, session or antiforgery cookie is readable by scripts (<c>HttpOnly = false</c>).</summary>
    public const string CookieWithoutHttpOnly = "AG0703";

    /// <summary>AG0704: a cookie is <c>SameSite=None</c> without <c>Secure</c>, which browsers reject or send cross-site over HTTP.</summary>
    public const string SameSiteNoneWithoutSecure = "AG0704";
    /// <summary>AG0801: a settings file that applies outside Development holds a secret (a password, secret, API key, token, connection string password).</summary>
    public const string SettingsFileContainsSecret = "AG0801";

    /// <summary>AG0802: the settings production uses allow any host (<c>"AllowedHosts": "*"</c>).</summary>
    public const string AllowedHostsWildcard = "AG0802";

    /// <summary>AG0803: a settings file that applies outside Development turns on detailed errors or debug logging of ASP.NET Core.</summary>
    public const string DevelopmentSettingsInProduction = "AG0803";

    /// <summary>AG0804: a settings file is not valid JSON (as the configuration provider reads it), so it was not checked.</summary>
    public const string SettingsFileUnreadable = "AG0804";

    /// <summary>AG0805: a settings file that applies outside Development holds a well-known default credential.</summary>
    public const string SettingsFileContainsDefaultCredential = "AG0805";
    /// <summary>AG0306: authentication, authorization and CORS middleware run in the wrong order, or authentication middleware is missing.</summary>
    public const string AuthMiddlewareOrder = "AG0306";

    /// <summary>AG0303: an authorization policy is always satisfied (an assertion that always returns true), so it admits everyone.</summary>
    public const string AuthorizationPolicyAdmitsEveryone = "AG0303";

    /// <summary>AG0305: the Identity password or lockout policy is weakened (short passwords, lockout off, sign-in without lockout).</summary>
    public const string IdentityPolicyWeakened = "AG0305";

    /// <summary>AG0304: antiforgery protection is turned off (<c>[IgnoreAntiforgeryToken]</c>, <c>DisableAntiforgery()</c> on a form endpoint) in an app that authenticates with cookies.</summary>
    public const string AntiforgeryDisabled = "AG0304";
    /// <summary>AG0302: token signature validation is turned off (<c>RequireSignedTokens = false</c>, an accept-all <c>SignatureValidator</c>).</summary>
    public const string TokenValidationDisabled = "AG0302";

    /// <summary>AG0307: a token validation check (issuer, audience, lifetime, signing key, expiration) is turned off.</summary>
    public const string TokenClaimValidationDisabled = "AG0307";

    /// <summary>AG0605: a request body size limit is removed (<c>[DisableRequestSizeLimit]</c>, <c>MaxRequestBodySize = null</c>, form limits at their maximum).</summary>
    public const string RequestSizeLimitRemoved = "AG0605";

    /// <summary>AG0604: an endpoint that takes credentials has no rate-limit policy while the app's rate limiter has no global limiter.</summary>
    public const string SignInNotRateLimited = "AG0604";
}
