using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Activities;

/// <summary>Corrects an activity (a wrong date, planned to held), or removes it with a reason; the earlier versions are
/// listed below the form.</summary>
public sealed class EditModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    [BindProperty] public ActivityInput Input { get; set; } = new();
    [BindProperty] public RemovalInput Removal { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    /// <summary>The content this activity had before each correction, the latest first.</summary>
    public IReadOnlyList<Activity> Earlier { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ActivityOperations.UpdateAsync(db, ActivityId, Input, time.Today(), problems, cancellationToken),
            "The activity was corrected.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => RecordOperations.RemoveAsync<Activity>(db, ActivityId, Removal, "The activity", problems, cancellationToken),
            "The activity was removed.", _ => Form.ToParticipant(Header.PersonId), prefix: "Removal.");
    }

    /// <summary>The activity as saved now, in the correction form and as the version to remove it by.</summary>
    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        var activity = await LoadAsync(cancellationToken);
        Input = new ActivityInput
        {
            Kind = activity.Kind, Status = activity.Status, OccurredOn = activity.OccurredOn, StartsAt = activity.StartsAt, Hours = activity.Hours,
            EndsOn = activity.EndsOn, Language = activity.Language, InterpreterUsed = activity.InterpreterUsed, EmployerName = activity.EmployerName,
            Supervisor = activity.Supervisor, Notes = activity.Notes, Version = activity.Version,
        };
        Removal = new RemovalInput { Reason = Removal.Reason, Version = activity.Version };
    }

    private async Task<Activity> LoadAsync(CancellationToken cancellationToken)
    {
        var versions = await RecordOperations.VersionsAsync<Activity>(db, ActivityId, cancellationToken);
        if (versions is null || versions[0].RemovedAt is not null)
            throw new NotFoundException("The activity");
        Header = await EnrolmentHeader.FindAsync(db, versions[0].EnrolmentId, cancellationToken);
        Earlier = versions.Skip(1).ToList();
        return versions[0];
    }
}
