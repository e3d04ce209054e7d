using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Brobygge.Identity;

/// <summary>
/// Every request, cookie or bearer token, runs with the user as the database has them now: a session whose
/// security stamp no longer matches (disabled, password reset or changed, logged out) ends at once, on every app
/// node, and the roles come from the database, not from the cookie or token, so a new role applies to the next
/// request. Identity's own validator checks only every 30 minutes, and not bearer tokens at all.
/// </summary>
public static class Sessions
{
    public static IServiceCollection AddSessionChecks(this IServiceCollection services)
    {
        services.ConfigureApplicationCookie(options => options.Events.OnValidatePrincipal = CheckCookieAsync);
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, options => options.Events.OnMessageReceived = CheckBearerTokenAsync);
        return services;
    }

    /// <summary>The user's principal made afresh from the database; null when the session has ended (the user is gone or
    /// their security stamp changed since the sign-in).</summary>
    public static async Task<ClaimsPrincipal?> RenewAsync(HttpContext http, ClaimsPrincipal? principal)
    {
        if (principal is null)
            return null;
        var signIn = http.RequestServices.GetRequiredService<SignInManager<User>>();
        return await signIn.ValidateSecurityStampAsync(principal) is { } user ? await signIn.CreateUserPrincipalAsync(user) : null;
    }

    private static async Task CheckCookieAsync(CookieValidatePrincipalContext context)
    {
        if (await RenewAsync(context.HttpContext, context.Principal) is { } principal)
        {
            context.ReplacePrincipal(principal);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }

    /// <summary>Does what the bearer-token handler would (read, unprotect, check expiry) and then checks the stamp,
    /// which the handler has no event for after it unprotects the ticket.</summary>
    private static async Task CheckBearerTokenAsync(MessageReceivedContext context)
    {
        const string prefix = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(prefix, StringComparison.Ordinal))
            return; // no token: the handler answers as it always does
        var ticket = context.Options.BearerTokenProtector.Unprotect(header[prefix.Length..].Trim());
        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires)
        {
            context.Fail("The token is not valid or has expired.");
            return;
        }
        if (await RenewAsync(context.HttpContext, ticket.Principal) is not { } principal)
        {
            context.Fail("The token's session has ended.");
            return;
        }
        context.Principal = principal;
        context.Properties = ticket.Properties;
        context.Success();
    }
}
