using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.FollowUps;

public sealed class RecordModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid FollowUpId { get; set; }
    [BindProperty] public FollowUpInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;
    public FollowUpKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public FollowUpWindow? Window { get; private set; }
    public IEnumerable<(string, string)> YesNo => [("true", t["Yes"]), ("false", t["No"])];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowSavedAsync(cancellationToken);
        Input.RecordedOn ??= time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => FollowUpOperations.RecordAsync(db, FollowUpId, Input, time.Today(), problems, cancellationToken),
            "The follow-up was saved.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        var followUp = await LoadAsync(cancellationToken);
        Input = new FollowUpInput { RecordedOn = followUp.RecordedOn, Status = followUp.Status, SameEmployer = followUp.SameEmployer, ContactMethod = followUp.ContactMethod, Version = followUp.Version };
    }

    private async Task<FollowUp> LoadAsync(CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.AsNoTracking().Include(f => f.Enrolment!.Project).SingleOrDefaultAsync(f => f.Id == FollowUpId, cancellationToken)
            ?? throw new NotFoundException("The follow-up");
        Header = await EnrolmentHeader.FindAsync(db, followUp.EnrolmentId, cancellationToken);
        Kind = followUp.Kind;
        DueOn = followUp.DueOn;
        (_, Window) = await FollowUpOperations.WindowAsync(db, followUp, cancellationToken);
        return followUp;
    }
}
