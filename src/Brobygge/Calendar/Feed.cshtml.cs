using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Calendar;

/// <summary>The staff member's own calendar feed: make an address (shown once), replace it, or revoke it.</summary>
public sealed class FeedModel(BrobyggeDb db, AuditLog audit, TimeProvider time) : PageModel, IFormPage
{
    public DateTime? Created { get; private set; }

    /// <summary>Set only in the answer to the post that made it: the secret is never shown again.</summary>
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Created = await CalendarFeed.CreatedAsync(db, db.Scope.UserId, cancellationToken);

    /// <summary>Answers with the page itself, not a redirect: the address must not travel through a cookie or a URL.</summary>
    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var secret = await CalendarFeed.CreateAsync(db, audit, db.Scope.UserId, time.GetUtcNow(), cancellationToken);
        NewAddress = $"{Request.Scheme}://{Request.Host}/calendar/{secret}.ics";
        Created = await CalendarFeed.CreatedAsync(db, db.Scope.UserId, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken)
    {
        await CalendarFeed.RevokeAsync(db, audit, db.Scope.UserId, cancellationToken);
        return this.Saved("The calendar address was revoked; calendars subscribed to it get nothing more.", new RedirectToPageResult("/Calendar/Feed"));
    }
}
