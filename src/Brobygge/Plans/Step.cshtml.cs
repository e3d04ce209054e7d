using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Plans;

/// <summary>Adds a step to the individual plan, or corrects one (its status as it moves along) or removes it with a
/// reason; a step's earlier versions are listed below the form.</summary>
public sealed class StepModel(BrobyggeDb db) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }

    /// <summary>The step edited; none for a new one.</summary>
    [BindProperty(SupportsGet = true)] public Guid? StepId { get; set; }

    [BindProperty] public PlanStepInput Input { get; set; } = new();
    [BindProperty] public RemovalInput Removal { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;
    public bool IsNew => StepId is null;

    /// <summary>The content this step had before each correction, the latest first.</summary>
    public IReadOnlyList<PlanStep> Earlier { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => StepId is { } id
                ? PlanOperations.UpdateAsync(db, id, Input, problems, cancellationToken)
                : PlanOperations.AddAsync(db, EnrolmentId, Input, problems, cancellationToken),
            "The plan was saved.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is null)
            throw new NotFoundException("The plan step");
        return await this.SaveAsync(problems => PlanOperations.RemoveAsync(db, StepId!.Value, Removal, problems, cancellationToken),
            "The plan step was removed.", _ => Form.ToParticipant(Header.PersonId), prefix: "Removal.");
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is not { } step)
            return;
        Input = new PlanStepInput { Title = step.Title, Owner = step.Owner, DueOn = step.DueOn, Status = step.Status, Version = step.Version };
        Removal = new RemovalInput { Reason = Removal.Reason, Version = step.Version };
    }

    /// <summary>The step as saved now (none for a new one) and its earlier versions; a step of another enrolment, or one
    /// removed, is not found.</summary>
    private async Task<PlanStep?> LoadAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        if (StepId is not { } id)
            return null;
        var versions = await RecordOperations.VersionsAsync<PlanStep>(db, id, cancellationToken);
        if (versions is null || versions[0].RemovedAt is not null || versions[0].EnrolmentId != EnrolmentId)
            throw new NotFoundException("The plan step");
        Earlier = versions.Skip(1).ToList();
        return versions[0];
    }
}
