using Brobygge.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Brobygge.Identity;

/// <summary>Bearer tokens for integrations, from Identity's bearer-token handler (as <c>MapIdentityApi</c>'s
/// /login and /refresh make them): opaque, protected with the Data Protection keys in the database.</summary>
public static class IdentityApi
{
    public const string Tag = "Tokens";

    public sealed record TokenRequest(string? Email, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags(Tag).AllowAnonymous();
        tokens.MapPost("/", IssueAsync).WithName("IssueToken")
            .WithSummary("Gives an access token and a refresh token for an e-mail address and password.")
            .WithDescription("Send the access token as `Authorization: Bearer <accessToken>`; it lasts `expiresIn` seconds. "
                + "Wrong credentials answer 401, with the same message whether the address is unknown, the password wrong or the account "
                + "locked or disabled; too many attempts from one client or for one account answer 429.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        tokens.MapPost("/refresh", RefreshAsync).WithName("RefreshToken")
            .WithSummary("Gives a new access token for a refresh token that is still valid.");
        return api;
    }

    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ValidationProblem, ProblemHttpResult>> IssueAsync(
        TokenRequest request, PasswordLogin login, HttpContext http)
    {
        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(request.Email))
            problems.Add(nameof(request.Email), "Enter your e-mail address.");
        if (string.IsNullOrEmpty(request.Password))
            problems.Add(nameof(request.Password), "Enter your password.");
        if (problems.Any)
            return ApiProblems.Validation(problems);

        switch (await login.SignInAsync(http, request.Email!, request.Password!, IdentityConstants.BearerScheme))
        {
            case LoginOutcome.TooManyAttempts:
                return TypedResults.Problem("Too many login attempts from this client or for this account; wait a few minutes and try again.",
                    statusCode: StatusCodes.Status429TooManyRequests);
            case LoginOutcome.Refused:
                return TypedResults.Problem("The e-mail address or the password is wrong, or the account cannot log in now.",
                    statusCode: StatusCodes.Status401Unauthorized);
        }
        // The bearer handler has written the tokens as the response.
        return TypedResults.Empty;
    }

    private static async Task<Results<Ok<AccessTokenResponse>, SignInHttpResult, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SignInManager<User> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            var problems = new Problems();
            problems.Add(nameof(request.RefreshToken), "Send the refresh token.");
            return ApiProblems.Validation(problems);
        }
        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        // Refused when expired, or when the password or roles changed since (the security stamp).
        if (ticket?.Properties.ExpiresUtc is not { } expires || time.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return TypedResults.Problem("The refresh token is not valid any more; ask for a new token.", statusCode: StatusCodes.Status401Unauthorized);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
