using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Plans;

/// <summary>Adds a step to the individual plan, or edits one (its status as it moves along).</summary>
public sealed class StepModel(BrobyggeDb db) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }

    /// <summary>The step edited; none for a new one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? StepId { get; set; }

    [BindProperty] public PlanStepInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;
    public bool IsNew => StepId is null;

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        if (StepId is { } stepId && !await db.PlanSteps.AnyAsync(s => s.Id == stepId && s.EnrolmentId == EnrolmentId, cancellationToken))
            throw new NotFoundException("The plan step");
        return await this.SaveAsync(problems => StepId is { } id
                ? PlanOperations.UpdateAsync(db, id, Input, problems, cancellationToken)
                : PlanOperations.AddAsync(db, EnrolmentId, Input, problems, cancellationToken),
            "The plan was saved.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        if (StepId is not { } id)
            return;
        var step = await db.PlanSteps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.EnrolmentId == EnrolmentId, cancellationToken)
            ?? throw new NotFoundException("The plan step");
        Input = new PlanStepInput { Title = step.Title, Owner = step.Owner, DueOn = step.DueOn, Status = step.Status, Version = step.Version };
    }
}
