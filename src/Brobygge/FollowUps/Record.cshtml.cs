using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.FollowUps;

public sealed class RecordModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public FollowUpInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }
    public FollowUpKind Kind { get; private set; }
    public DateOnly DueOn { get; private set; }
    public FollowUpWindow? Window { get; private set; }
    public IEnumerable<(string, string)> YesNo => [("true", T["Yes"]), ("false", T["No"])];

    public async Task<IActionResult> OnGetAsync(Guid followUpId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(followUpId, showStored: true, cancellationToken))
            return NotFound();
        Input.RecordedOn ??= Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid followUpId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(followUpId, showStored: false, cancellationToken))
            return NotFound();
        var result = await SaveAsync(problems => FollowUpOperations.RecordAsync(db, followUpId, Input, Today, problems, cancellationToken), Header!.PersonId, "The follow-up was saved.");
        if (Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(followUpId, showStored: true, cancellationToken);
        }
        return result;
    }

    private async Task<bool> LoadAsync(Guid followUpId, bool showStored, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.AsNoTracking().Include(f => f.Enrolment!.Project).SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken);
        Header = followUp is null ? null : await EnrolmentHeader.LoadAsync(db, followUp.EnrolmentId, cancellationToken);
        if (followUp is null || Header is null)
            return false;
        Kind = followUp.Kind;
        DueOn = followUp.DueOn;
        (_, Window) = await FollowUpOperations.WindowAsync(db, followUp, cancellationToken);
        if (showStored)
            Input = new FollowUpInput { RecordedOn = followUp.RecordedOn, Status = followUp.Status, SameEmployer = followUp.SameEmployer, ContactMethod = followUp.ContactMethod, Version = followUp.Version };
        return true;
    }
}
