using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>Ends the participation (or corrects its exit), guarded by the enrolment's version.</summary>
public sealed class ExitModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public ExitInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowSavedAsync(cancellationToken);
        Input.ExitedOn ??= time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        return await this.SaveAsync(problems => EnrolmentOperations.ExitAsync(db, EnrolmentId, Input, time.Today(), problems, cancellationToken),
            "The participation was ended and the follow-ups scheduled.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        var exit = await db.Enrolments.AsNoTracking().Where(e => e.Id == EnrolmentId).Select(e => new { e.ExitedOn, e.ExitReason }).SingleAsync(cancellationToken);
        Input = new ExitInput { ExitedOn = exit.ExitedOn, Reason = exit.ExitReason, Version = Header.Version };
    }
}
