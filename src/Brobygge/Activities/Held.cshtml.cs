using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Activities;

/// <summary>Recording a planned activity as held: from then on it counts.</summary>
public sealed class HeldModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    [BindProperty] public HeldInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;
    public ActivityKind Kind { get; private set; }
    public DateOnly PlannedOn { get; private set; }
    public TimeOnly? StartsAt { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowSavedAsync(cancellationToken);
        // Held today at the latest: a meeting planned for next week that took place early is recorded as of today.
        if (Input.OccurredOn > time.Today())
            Input.OccurredOn = time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => HoldingActivities.RecordHeldAsync(db, ActivityId, Input, time.Today(), problems, cancellationToken),
            "The activity was recorded as held.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(cancellationToken);
        Input = new HeldInput { OccurredOn = activity.OccurredOn, Hours = activity.Hours, Notes = activity.Notes, Version = activity.Version };
    }

    private async Task<Activity> LoadAsync(CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == ActivityId, cancellationToken)
            ?? throw new NotFoundException("The activity");
        Header = await EnrolmentHeader.FindAsync(db, activity.EnrolmentId, cancellationToken);
        Kind = activity.Kind;
        PlannedOn = activity.OccurredOn;
        StartsAt = activity.StartsAt;
        return activity;
    }
}
