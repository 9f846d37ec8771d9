using ApiGuard.Analyzers.Descriptors;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ApiGuard.Analyzers.Options;

/// <summary>Every ApiGuard option. Each rule page and <c>docs/configuration.md</c> list the options of the rule (a conventions test checks).</summary>
public static class ApiGuardOptions
{
    /// <summary>Test projects are skipped by every rule unless this is true.</summary>
    public static readonly ApiGuardOption<bool> AnalyzeTestProjects = new(
        "apiguard.general.analyze_test_projects",
        false,
        "false",
        ParseBool,
        "Analyze test projects (projects with `IsTestProject=true`) too. By default every rule skips them.");

    /// <summary>The origins the CORS fixes put into <c>WithOrigins(...)</c>.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> CorsTrustedOrigins = new(
        "apiguard.cors.trusted_origins",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseOrigins,
        "Comma-separated origins the code fix writes into `WithOrigins(...)`, for example `https://app.example.com, https://admin.example.com`. "
        + "When empty, the fix reads the allow-list from configuration (see `apiguard.cors.configuration_key`) if an `IConfiguration` is in scope, "
        + "else it writes the placeholder `https://trusted-origin.invalid`, which matches no real origin.",
        RuleIds.CorsAllowAnyOrigin,
        RuleIds.CorsAnyOriginWithCredentials);

    /// <summary>The configuration key the CORS fixes read the allowed origins from.</summary>
    public static readonly ApiGuardOption<string> CorsConfigurationKey = new(
        "apiguard.cors.configuration_key",
        "Cors:AllowedOrigins",
        "Cors:AllowedOrigins",
        ParseConfigurationKey,
        "The configuration section the code fix reads the origin allow-list from, as a string array (for example `\"Cors\": { \"AllowedOrigins\": [ \"https://app.example.com\" ] }`).",
        RuleIds.CorsAllowAnyOrigin,
        RuleIds.CorsAnyOriginWithCredentials);

    /// <summary>The HTTP methods the narrowing CORS fix allows instead of <c>AllowAnyMethod()</c>.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> CorsAllowedMethods = new(
        "apiguard.cors.allowed_methods",
        ImmutableArray.Create("GET", "POST"),
        "GET, POST",
        ParseList,
        "Comma-separated HTTP methods the narrowing code fix writes into `WithMethods(...)` in place of `AllowAnyMethod()`.",
        RuleIds.CorsAllowAnyOrigin,
        RuleIds.CorsAnyOriginWithCredentials);

    /// <summary>The request headers the narrowing CORS fix allows instead of <c>AllowAnyHeader()</c>.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> CorsAllowedHeaders = new(
        "apiguard.cors.allowed_headers",
        ImmutableArray.Create("Content-Type", "Authorization"),
        "Content-Type, Authorization",
        ParseList,
        "Comma-separated request headers the narrowing code fix writes into `WithHeaders(...)` in place of `AllowAnyHeader()`.",
        RuleIds.CorsAllowAnyOrigin,
        RuleIds.CorsAnyOriginWithCredentials);

    /// <summary>HSTS headers are added outside the app (a reverse proxy, a gateway, a CDN): AG0101 stays silent.</summary>
    public static readonly ApiGuardOption<bool> HstsEnforcedExternally = new(
        "apiguard.transport.hsts_enforced_externally",
        false,
        "false",
        ParseBool,
        "Set to `true` when a reverse proxy, gateway or CDN adds the `Strict-Transport-Security` header for this app; AG0101 then stays silent.",
        RuleIds.HstsMissing);

    /// <summary>TLS ends at a reverse proxy, load balancer or gateway in front of the app: AG0102 stays silent.</summary>
    public static readonly ApiGuardOption<bool> TlsTerminatedByProxy = new(
        "apiguard.transport.tls_terminated_by_proxy",
        false,
        "false",
        ParseBool,
        "Set to `true` when TLS ends at a reverse proxy, load balancer or gateway that redirects HTTP to HTTPS (or never accepts plain HTTP) "
        + "before requests reach the app; AG0102 then stays silent.",
        RuleIds.HttpsRedirectionMissing);

    /// <summary>Rate limiting is enforced outside the app (an API gateway, a reverse proxy, a WAF): AG0601 stays silent.</summary>
    public static readonly ApiGuardOption<bool> RateLimitingEnforcedExternally = new(
        "apiguard.rate_limiting.enforced_externally",
        false,
        "false",
        ParseBool,
        "Set to `true` when an API gateway, reverse proxy or WAF in front of the app limits the request rate; AG0601 then stays silent.",
        RuleIds.RateLimitingMissing);

    /// <summary>The requests per window the rate-limiting fixes allow.</summary>
    public static readonly ApiGuardOption<int> RateLimitingPermitLimit = new(
        "apiguard.rate_limiting.permit_limit",
        100,
        "100",
        ParsePositiveInt,
        "The number of requests per window (and per client) that the code fixes write into the limiters they add (`PermitLimit`).",
        RuleIds.RateLimitingMissing,
        RuleIds.RateLimiterHalfConfigured,
        RuleIds.RateLimitPolicyUndefined);

    /// <summary>The window, in seconds, of the limiters the rate-limiting fixes add.</summary>
    public static readonly ApiGuardOption<int> RateLimitingWindowSeconds = new(
        "apiguard.rate_limiting.window_seconds",
        60,
        "60",
        ParsePositiveInt,
        "The length in seconds of the fixed window that the code fixes write into the limiters they add (`Window = TimeSpan.FromSeconds(...)`).",
        RuleIds.RateLimitingMissing,
        RuleIds.RateLimiterHalfConfigured,
        RuleIds.RateLimitPolicyUndefined);

    /// <summary>The request body size, in bytes, the AG0605 fix writes in place of a removed limit.</summary>
    public static readonly ApiGuardOption<long> RateLimitingMaxRequestBodySize = new(
        "apiguard.rate_limiting.max_request_body_size",
        30_000_000,
        "30000000",
        ParsePositiveLong,
        "The request body size limit, in bytes, that the AG0605 code fix writes in place of a removed limit "
        + "(`[RequestSizeLimit(...)]`, `MaxRequestBodySize`, `MultipartBodyLengthLimit`). The default is Kestrel's and IIS's own default, 30,000,000 bytes (about 28.6 MB).",
        RuleIds.RequestSizeLimitRemoved);

    /// <summary>Route segments that mark a sign-in endpoint for AG0604.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> RateLimitingSignInRoutes = new(
        "apiguard.rate_limiting.sign_in_routes",
        ImmutableArray.Create("login", "log-in", "signin", "sign-in", "token", "connect/token", "forgot-password", "reset-password", "password-reset", "resetpassword", "forgotpassword"),
        "login, log-in, signin, sign-in, token, connect/token, forgot-password, reset-password, password-reset, resetpassword, forgotpassword",
        ParseList,
        "Comma-separated route segments (or runs of segments, such as `connect/token`) that make AG0604 treat an endpoint as a sign-in endpoint, "
        + "compared case-insensitively with whole segments of the route (route parameters are skipped). Setting the option replaces the list.",
        RuleIds.SignInNotRateLimited);

    /// <summary>Passwords AG0502 treats as well-known defaults, on top of its built-in list.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> SecretsAdditionalDefaultPasswords = new(
        "apiguard.secrets.additional_default_passwords",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseList,
        "Comma-separated passwords that AG0502 (in code) and AG0805 (in settings files) report as well-known defaults, on top of the built-in list (compared case-insensitively), "
        + "for example your organisation's old default or a vendor's factory password.",
        RuleIds.DefaultCredential,
        RuleIds.SettingsFileContainsDefaultCredential);

    /// <summary>Environments whose <c>appsettings.{Environment}.json</c> files are development-only and never checked.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> ConfigDevelopmentEnvironments = new(
        "apiguard.config.development_environments",
        ImmutableArray.Create("Development"),
        "Development",
        ParseList,
        "Comma-separated environment names whose `appsettings.{Environment}.json` files only developers use (for example `Development, Local`). "
        + "The configuration-file rules skip those files; every other `appsettings.{Environment}.json` is checked like `appsettings.json`.",
        RuleIds.SettingsFileContainsSecret,
        RuleIds.DevelopmentSettingsInProduction,
        RuleIds.SettingsFileContainsDefaultCredential);

    /// <summary>Settings keys AG0801 treats as secrets, on top of the names it recognises.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> ConfigAdditionalSecretKeys = new(
        "apiguard.config.additional_secret_keys",
        ImmutableArray<string>.Empty,
        "(none)",
        ParseList,
        "Comma-separated settings keys whose values are secrets, on top of the names AG0801 recognises (password, secret, API key, token, "
        + "signing key, …). A key is a property name (`Pin`) or a full configuration path (`Payments:MerchantCode`), compared case-insensitively.",
        RuleIds.SettingsFileContainsSecret,
        RuleIds.SettingsFileContainsDefaultCredential);

    /// <summary>Words that mark a cookie name as a session or authentication token for AG0703.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> CookiesSensitiveCookieNames = new(
        "apiguard.cookies.sensitive_cookie_names",
        ImmutableArray.Create("session", "auth", "token", "sid", "jwt", "refresh"),
        "session, auth, token, sid, jwt, refresh",
        ParseList,
        "Comma-separated words that mark a cookie appended with `Response.Cookies.Append(name, …)` as a session or authentication token, "
        + "so that AG0703 asks for `HttpOnly = true`. A word of more than three letters matches anywhere in the name; a shorter one "
        + "(`sid`, `jwt`) only as a whole part of it (`sid`, `app_sid`, `jwt.access`, but not `sidebar`). Compared case-insensitively.",
        RuleIds.CookieWithoutHttpOnly);

    /// <summary>Cookie names AG0703 never reports, because scripts must read them.</summary>
    public static readonly ApiGuardOption<ImmutableArray<string>> CookiesScriptReadableCookieNames = new(
        "apiguard.cookies.script_readable_cookie_names",
        ImmutableArray.Create("XSRF-TOKEN", "X-XSRF-TOKEN", "CSRF-TOKEN", "X-CSRF-TOKEN"),
        "XSRF-TOKEN, X-XSRF-TOKEN, CSRF-TOKEN, X-CSRF-TOKEN",
        ParseList,
        "Comma-separated cookie names that scripts must read, so AG0703 never reports them even though the name contains a sensitive word "
        + "(for example the antiforgery request token that Angular and axios copy into a header). Compared case-insensitively, whole names.",
        RuleIds.CookieWithoutHttpOnly);

    /// <summary>Security headers are added outside the app (a reverse proxy, a gateway, a CDN): AG0701 stays silent.</summary>
    public static readonly ApiGuardOption<bool> HeadersSetExternally = new(
        "apiguard.headers.set_externally",
        false,
        "false",
        ParseBool,
        "Set to `true` when a reverse proxy, gateway or CDN adds `X-Content-Type-Options`, `X-Frame-Options` or `Content-Security-Policy` "
        + "to this app's responses; AG0701 then stays silent.",
        RuleIds.SecurityHeadersMissing);

    /// <summary>The shortest password length AG0305 accepts for <c>IdentityOptions.Password.RequiredLength</c>; its fix writes this value.</summary>
    public static readonly ApiGuardOption<int> AuthorizationMinPasswordLength = new(
        "apiguard.authorization.min_password_length",
        8,
        "8",
        ParsePositiveInt,
        "The shortest `Password.RequiredLength` that AG0305 accepts (lower values are reported); the code fix writes this value.",
        RuleIds.IdentityPolicyWeakened);

    /// <summary>The most failed sign-ins AG0305 accepts before lockout (<c>Lockout.MaxFailedAccessAttempts</c>); its fix writes this value.</summary>
    public static readonly ApiGuardOption<int> AuthorizationMaxFailedAccessAttempts = new(
        "apiguard.authorization.max_failed_access_attempts",
        10,
        "10",
        ParsePositiveInt,
        "The highest `Lockout.MaxFailedAccessAttempts` that AG0305 accepts (higher values are reported); the code fix writes this value.",
        RuleIds.IdentityPolicyWeakened);

    /// <summary>All options, for the docs generator and the conventions tests.</summary>
    public static ImmutableArray<IApiGuardOption> All { get; } = ImmutableArray.Create<IApiGuardOption>(
        AnalyzeTestProjects,
        HstsEnforcedExternally,
        TlsTerminatedByProxy,
        CorsTrustedOrigins,
        CorsConfigurationKey,
        CorsAllowedMethods,
        CorsAllowedHeaders,
        RateLimitingEnforcedExternally,
        RateLimitingPermitLimit,
        RateLimitingWindowSeconds,
        SecretsAdditionalDefaultPasswords,
        HeadersSetExternally,
        CookiesSensitiveCookieNames,
        CookiesScriptReadableCookieNames,
        ConfigDevelopmentEnvironments,
        ConfigAdditionalSecretKeys,
        AuthorizationMinPasswordLength,
        AuthorizationMaxFailedAccessAttempts,
        RateLimitingMaxRequestBodySize,
        RateLimitingSignInRoutes);

    /// <summary>
    /// Whether rules should skip this compilation: a test project (MSBuild <c>IsTestProject</c>, made visible to the compiler by the
    /// package's props) unless <see cref="AnalyzeTestProjects"/> is set.
    /// </summary>
    public static bool SkipCompilation(AnalyzerConfigOptionsProvider provider)
    {
        var global = provider.GlobalOptions;
        if (!global.TryGetValue("build_property.IsTestProject", out var isTest)
            || !string.Equals(isTest.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !AnalyzeTestProjects.Read(global);
    }

    private static (bool, bool) ParseBool(string text) => bool.TryParse(text, out var value) ? (true, value) : (false, false);

    private static (bool, int) ParsePositiveInt(string text)
        => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? (true, value)
            : (false, 0);

    private static (bool, long) ParsePositiveLong(string text)
        => long.TryParse(text.Replace("_", string.Empty), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? (true, value)
            : (false, 0);

    private static (bool, ImmutableArray<string>) ParseList(string text)
    {
        var items = text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim())
            .Where(s => s.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        return (items.Length > 0, items);
    }

    // "*" would put the wildcard straight back, so a list that contains it is rejected as a whole.
    private static (bool, ImmutableArray<string>) ParseOrigins(string text)
    {
        var (ok, items) = ParseList(text);
        return ok && !items.Contains("*") ? (true, items) : (false, ImmutableArray<string>.Empty);
    }

    private static (bool, string) ParseConfigurationKey(string text)
        => text.IndexOfAny(new[] { '"', '\\', '\r', '\n' }) < 0 ? (true, text) : (false, string.Empty);
}
