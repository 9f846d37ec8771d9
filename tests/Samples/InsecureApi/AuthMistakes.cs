// Authentication and authorization mistakes that ApiGuard finds at the call site (AG03xx).
using Microsoft.AspNetCore.Authorization;

internal static class AuthMistakes
{
    // AG0303: the "placeholder" policy lets every caller in, signed in or not, while the endpoints that use it look protected.
    public static AuthorizationPolicy PartnerPolicy() => new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
}
