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
        "Comma-separated passwords that AG0502 reports as well-known defaults, on top of its built-in list (compared case-insensitively), "
        + "for example your organisation's old default or a vendor's factory password.",
        RuleIds.DefaultCredential);

    /// <summary>All options, for the docs generator and the conventions tests.</summary>
    public static ImmutableArray<IApiGuardOption> All { get; } = ImmutableArray.Create<IApiGuardOption>(
        AnalyzeTestProjects,
        HstsEnforcedExternally,
        CorsTrustedOrigins,
        CorsConfigurationKey,
        CorsAllowedMethods,
        CorsAllowedHeaders,
        RateLimitingEnforcedExternally,
        RateLimitingPermitLimit,
        RateLimitingWindowSeconds,
        SecretsAdditionalDefaultPasswords,
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
