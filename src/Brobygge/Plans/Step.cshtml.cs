using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Plans;

/// <summary>Adds a step to the individual plan, or edits one (its status as it moves along).</summary>
public sealed class StepModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public PlanStepInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, Guid? stepId, CancellationToken cancellationToken)
        => await LoadAsync(enrolmentId, stepId, showStored: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, Guid? stepId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, stepId, showStored: false, cancellationToken))
            return NotFound();
        var result = await SaveAsync(problems => stepId is { } id
                ? PlanOperations.UpdateAsync(db, id, Input, problems, cancellationToken)
                : PlanOperations.AddAsync(db, enrolmentId, Input, problems, cancellationToken),
            Header!.PersonId, "The plan was saved.");
        if (Conflict)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(enrolmentId, stepId, showStored: true, cancellationToken);
        }
        return result;
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, Guid? stepId, bool showStored, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        IsNew = stepId is null;
        if (Header is null)
            return false;
        if (stepId is not { } id)
            return true;
        var step = await db.PlanSteps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.EnrolmentId == enrolmentId, cancellationToken);
        if (step is null)
            return false;
        if (showStored)
            Input = new PlanStepInput { Title = step.Title, Owner = step.Owner, DueOn = step.DueOn, Status = step.Status, Version = step.Version };
        return true;
    }
}
