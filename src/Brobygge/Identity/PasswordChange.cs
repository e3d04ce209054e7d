using System.Security.Claims;
using Brobygge.Api;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Brobygge.Identity;

/// <summary>
/// A password someone else has seen (a one-time password from <c>users reset-password</c>) must be replaced before
/// the user does anything else. The mark is a user claim, so it needs no column and rides in the principal that
/// <see cref="Sessions"/> makes afresh on every request.
/// </summary>
public static class PasswordChange
{
    public const string RequiredClaim = "brobygge:must-change-password";

    public static bool IsRequired(ClaimsPrincipal user) => user.HasClaim(claim => claim.Type == RequiredClaim);

    public static async Task<IdentityResult> RequireAsync(UserManager<User> users, User user)
        => (await users.GetClaimsAsync(user)).Any(claim => claim.Type == RequiredClaim)
            ? IdentityResult.Success
            : await users.AddClaimAsync(user, new Claim(RequiredClaim, "true"));

    public static async Task<IdentityResult> ClearAsync(UserManager<User> users, User user)
        => await users.RemoveClaimsAsync(user, (await users.GetClaimsAsync(user)).Where(claim => claim.Type == RequiredClaim));

    /// <summary>Until the password is changed, every page leads to the change page and the API answers 403.</summary>
    public static IApplicationBuilder UseBrobyggeAccounts(this IApplicationBuilder app)
        => app.Use(async (context, next) =>
        {
            if (!IsRequired(context.User) || IsAllowedMeanwhile(context.Request.Path))
            {
                await next(context);
                return;
            }
            if (ApiSetup.IsApiRequest(context))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Detail = "The password was reset: change it on the page /Identity/ChangePassword before using the API.",
                    },
                });
                return;
            }
            var changePassword = context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context, "/Identity/ChangePassword")
                ?? throw new InvalidOperationException("The change-password page is missing.");
            context.Response.Redirect(changePassword);
        });

    private static bool IsAllowedMeanwhile(PathString path)
        => path.StartsWithSegments("/Identity/ChangePassword", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Identity/Logout", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Identity/Login", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/culture", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(ApiSetup.Prefix + "/tokens", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Identity's password problems as the UI's messages (the English keys of the resources), by the field they belong to.</summary>
public static class PasswordProblems
{
    public static IEnumerable<(string Field, string Message)> Of(IdentityResult result, string currentField, string newField)
        => result.Errors.Select(error => error.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordMismatch) => (currentField, "The current password is wrong."),
            nameof(IdentityErrorDescriber.PasswordTooShort) => (newField, "The password must be at least 12 characters."),
            nameof(IdentityErrorDescriber.PasswordRequiresDigit) => (newField, "The password must contain a digit."),
            nameof(IdentityErrorDescriber.PasswordRequiresLower) => (newField, "The password must contain a lower-case letter."),
            nameof(IdentityErrorDescriber.PasswordRequiresUpper) => (newField, "The password must contain an upper-case letter."),
            nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => (newField, "The password must contain a character that is not a letter or a digit."),
            nameof(IdentityErrorDescriber.InvalidToken) => ("", "This link has been used or has expired; ask your administrator for a new one."),
            _ => (newField, "The password cannot be used; choose another."),
        });
}
