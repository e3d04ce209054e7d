using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Plans;

public sealed class PlanStepInput
{
    public string? Title { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public PlanStepStatus? Status { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>The individual plan's steps; shared by the pages and the API.</summary>
public static class PlanOperations
{
    public static async Task<PlanStep?> AddAsync(BrobyggeDb db, Guid enrolmentId, PlanStepInput input, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var step = new PlanStep { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Title = "" };
        if (!Apply(input, step, problems))
            return null;
        db.PlanSteps.Add(step);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    public static async Task<PlanStep?> UpdateAsync(BrobyggeDb db, Guid stepId, PlanStepInput input, Problems problems, CancellationToken cancellationToken)
    {
        var step = await db.PlanSteps.SingleOrDefaultAsync(s => s.Id == stepId, cancellationToken) ?? throw new NotFoundException("The plan step");
        problems.RequireVersion(input.Version);
        if (!Apply(input, step, problems))
            return null;
        await db.SaveEditAsync(step, input.Version!.Value, "The plan step", cancellationToken);
        return step;
    }

    /// <summary>Removes the step over the version read, kept with the reason (<see cref="RecordOperations.RemoveAsync{T}"/>).</summary>
    public static Task<PlanStep?> RemoveAsync(BrobyggeDb db, Guid stepId, RemovalInput input, Problems problems, CancellationToken cancellationToken)
        => RecordOperations.RemoveAsync<PlanStep>(db, stepId, input, "The plan step", problems, cancellationToken);

    private static bool Apply(PlanStepInput input, PlanStep step, Problems problems)
    {
        if (string.IsNullOrWhiteSpace(input.Title))
            problems.Add(nameof(input.Title), "Describe the step.");
        problems.CheckLength(nameof(input.Title), input.Title, 300);
        problems.CheckLength(nameof(input.Owner), input.Owner, 200);
        if (problems.Any)
            return false;
        step.Title = input.Title!.Trim();
        step.Owner = FreeText.Stored(input.Owner);
        step.DueOn = input.DueOn;
        step.Status = input.Status ?? PlanStepStatus.Planned;
        return true;
    }
}
