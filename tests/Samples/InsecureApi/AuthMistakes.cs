// Authentication and authorization mistakes that ApiGuard finds at the call site (AG03xx).
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

internal static class AuthMistakes
{
    // AG0303: the "placeholder" policy lets every caller in, signed in or not, while the endpoints that use it look protected.
    public static AuthorizationPolicy PartnerPolicy() => new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

    // AG0305: failed sign-ins are never counted, so an attacker can try passwords for an account without ever locking it.
    public static Task<SignInResult> SignInAsync(SignInManager<IdentityUser> signIn, string userName, string password)
        => signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: false);

    // AG0304: the admin app signs users in with a cookie, so any website can post this upload form as the signed-in user.
    public static void MapAvatarUpload(IEndpointRouteBuilder endpoints)
        => endpoints.MapPost("/profile/avatar", (IFormFile avatar) => Results.Ok(avatar.Length))
            .RequireAuthorization()
            .DisableAntiforgery();
}
