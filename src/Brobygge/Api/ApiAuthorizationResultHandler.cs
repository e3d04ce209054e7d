using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Brobygge.Api;

/// <summary>Gives the API's 401 and 403 a ProblemDetails body; the pages keep their redirects to the login page.</summary>
public sealed class ApiAuthorizationResultHandler(IProblemDetailsService problemDetails) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (!(authorizeResult.Challenged || authorizeResult.Forbidden) || !ApiSetup.IsApiRequest(context) || context.Response.HasStarted)
            return;
        var detail = context.Response.StatusCode == StatusCodes.Status403Forbidden
            ? "Your role has no access to participants' records."
            : "Send a bearer token: POST /api/v1/tokens with your e-mail address and password gives one.";
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = context.Response.StatusCode, Detail = detail },
        });
    }
}
