using Brobygge.Data;
using Brobygge.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.FollowUps;

public sealed class FollowUpInput
{
    public DateOnly? RecordedOn { get; set; }
    public FollowUpStatus? Status { get; set; }
    public bool? SameEmployer { get; set; }
    public ContactMethod? ContactMethod { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Recording a follow-up, and asking for an extra one; shared by the pages and the API.</summary>
public static class FollowUpOperations
{
    public static async Task<FollowUp?> RecordAsync(BrobyggeDb db, Guid followUpId, FollowUpInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.Include(f => f.Enrolment).SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken)
            ?? throw new NotFoundException("The follow-up");
        CheckRecord(input, followUp.Enrolment!.ExitedOn, today, problems);
        problems.RequireVersion(input.Version);
        if (problems.Any)
            return null;

        if (input.Version is { } version)
            db.Entry(followUp).Property(f => f.Version).OriginalValue = version;
        followUp.RecordedOn = input.RecordedOn;
        followUp.Status = input.Status;
        followUp.ContactMethod = input.ContactMethod;
        followUp.SameEmployer = input.Status == FollowUpStatus.Employed ? input.SameEmployer : null;
        await EnrolmentOperations.SaveAsync(db, "The follow-up", cancellationToken);
        return followUp;
    }

    /// <summary>An extra follow-up on demand, beside the two scheduled at exit.</summary>
    public static async Task<FollowUp?> ScheduleAsync(BrobyggeDb db, Guid enrolmentId, DateOnly? dueOn, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        if (dueOn is null)
            problems.Add("DueOn", "Enter the due date.");
        else if (dueOn < enrolment.EnrolledOn)
            problems.Add("DueOn", "The due date is before the enrolment.");
        if (problems.Any)
            return null;
        var followUp = new FollowUp { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = FollowUpKind.OnDemand, DueOn = dueOn!.Value };
        db.FollowUps.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return followUp;
    }

    /// <summary>A recorded follow-up's fields against the exit, without the database; shared with the import.</summary>
    public static void CheckRecord(FollowUpInput input, DateOnly? exited, DateOnly today, Problems problems)
    {
        if (input.RecordedOn is not { } recorded)
            problems.Add(nameof(input.RecordedOn), "Enter the date of the follow-up.");
        else if (recorded > today)
            problems.Add(nameof(input.RecordedOn), "The follow-up date cannot be in the future.");
        else if (exited is { } exit && recorded < exit)
            problems.Add(nameof(input.RecordedOn), "The follow-up date is before the exit.");
        if (input.Status is null)
            problems.Add(nameof(input.Status), "Choose whether the person is in work or studies, or could not be reached.");
        else if (input.Status != FollowUpStatus.Unreached && input.ContactMethod is null)
            problems.Add(nameof(input.ContactMethod), "Choose how the person was reached.");
        if (input.Status == FollowUpStatus.Employed && input.SameEmployer is null)
            problems.Add(nameof(input.SameEmployer), "Say whether it is the same employer.");
    }
}
