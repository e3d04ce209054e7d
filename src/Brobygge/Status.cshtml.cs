using Brobygge.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge;

/// <summary>
/// The page a page's error status shows in the app's layout (404, 403, 400, 405 …) instead of the browser's own: the
/// status code pages re-execute the request here with its method, so it answers GET and POST alike, keeps the
/// status, and asks for no antiforgery token (the request that failed may have had none).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel, Forms.IFormPage
{
    [BindProperty(SupportsGet = true)] public int Code { get; set; }

    public string Title => Code switch
    {
        StatusCodes.Status404NotFound => "Page not found",
        StatusCodes.Status403Forbidden => "No access",
        _ => "The request could not be handled",
    };

    public string Explanation => Code switch
    {
        StatusCodes.Status404NotFound => "There is no such page, or it shows something your role does not give access to. Check the address, or go back and follow a link.",
        StatusCodes.Status403Forbidden => "Your role does not give access to this page.",
        _ => "Go back, load the page again and try once more.",
    };

    public IActionResult OnGet() => Show();

    public IActionResult OnPost() => Show();

    private PageResult Show()
    {
        // Visited directly, the address names no page that failed: there is nothing here.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Code = StatusCodes.Status404NotFound;
            Response.StatusCode = Code;
        }
        return Page();
    }
}

public static class StatusPages
{
    /// <summary>An error status of a page without a body of its own is shown by <see cref="StatusModel"/>, in the
    /// layout; the API keeps its ProblemDetails (<see cref="ApiSetup.UseBrobyggeApiErrors"/>).</summary>
    public static IApplicationBuilder UseBrobyggeStatusPages(this IApplicationBuilder app)
        => app.UseWhen(context => !ApiSetup.IsApiRequest(context), pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
}
