using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Outcomes;

/// <summary>Corrects a job or studies, or removes it with a reason; the earlier versions are listed below the form.</summary>
public sealed class EditModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public OutcomeInput Input { get; set; } = new();
    [BindProperty] public RemovalInput Removal { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }

    /// <summary>The content this outcome had before each correction, the latest first.</summary>
    public IReadOnlyList<Outcome> Earlier { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid outcomeId, CancellationToken cancellationToken)
        => await LoadAsync(outcomeId, showStored: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(outcomeId, showStored: false, cancellationToken))
            return NotFound();
        var result = await SaveAsync(problems => OutcomeOperations.CorrectAsync(db, outcomeId, Input, Today, problems, cancellationToken),
            Header!.PersonId, "The result was corrected.");
        return await AfterConflictAsync(outcomeId, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid outcomeId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(outcomeId, showStored: false, cancellationToken))
            return NotFound();
        var result = await SaveAsync(problems => OutcomeOperations.RemoveAsync(db, outcomeId, Removal, problems, cancellationToken),
            Header!.PersonId, "The result was removed.", prefix: "Removal.");
        return await AfterConflictAsync(outcomeId, result, cancellationToken);
    }

    /// <summary>After someone else's save, their version is shown (and the version to remove it by).</summary>
    private async Task<IActionResult> AfterConflictAsync(Guid outcomeId, IActionResult result, CancellationToken cancellationToken)
    {
        if (Conflict)
        {
            db.ChangeTracker.Clear();
            if (!await LoadAsync(outcomeId, showStored: true, cancellationToken))
                return NotFound();
        }
        return result;
    }

    private async Task<bool> LoadAsync(Guid outcomeId, bool showStored, CancellationToken cancellationToken)
    {
        var versions = await OutcomeOperations.HistoryAsync(db, outcomeId, cancellationToken);
        if (versions is null || versions[0].RemovedAt is not null)
            return false;
        var outcome = versions[0];
        Header = await EnrolmentHeader.LoadAsync(db, outcome.EnrolmentId, cancellationToken);
        if (Header is null)
            return false;
        Earlier = versions.Skip(1).ToList();
        if (showStored)
        {
            Input = new OutcomeInput
            {
                Kind = outcome.Kind, StartedOn = outcome.StartedOn, EndedOn = outcome.EndedOn, EmployerName = outcome.EmployerName,
                EmploymentType = outcome.EmploymentType, HoursPerWeek = outcome.HoursPerWeek, StudiesType = outcome.StudiesType, Version = outcome.Version,
            };
            Removal = new RemovalInput { Reason = Removal.Reason, Version = outcome.Version };
        }
        return true;
    }
}
