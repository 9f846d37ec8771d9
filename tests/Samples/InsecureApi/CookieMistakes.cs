// Cookie mistakes: each method shows one of the cookie rules (AG0702-AG0704).
internal static class CookieMistakes
{
    // AG0703: the session cookie has no HttpOnly, so any script on the site (one XSS bug) can read and steal the session.
    public static void SignIn(HttpResponse response, string sessionId)
        => response.Cookies.Append("session-id", sessionId, new CookieOptions { Secure = true, SameSite = SameSiteMode.Strict });

    // AG0704: a SameSite=None cookie without Secure: browsers drop it, and older ones send it cross-site over plain HTTP.
    public static void RememberWidget(HttpResponse response, string widgetId)
        => response.Cookies.Append("widget", widgetId, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.None });

    // AG0702: Secure = false sends the cookie on plain-HTTP requests too, where anyone on the network can read it.
    public static void RememberRegion(HttpResponse response, string region)
        => response.Cookies.Append("region", region, new CookieOptions { Secure = false, HttpOnly = true, SameSite = SameSiteMode.Lax });
}
