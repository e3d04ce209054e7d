using Brobygge.Data;
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
        var followUp = await db.FollowUps.Include(f => f.Enrolment!.Project).SingleOrDefaultAsync(f => f.Id == followUpId, cancellationToken)
            ?? throw new NotFoundException("The follow-up");
        var (exited, window) = await WindowAsync(db, followUp, cancellationToken);
        CheckRecord(input, followUp.Kind, exited, window, today, problems);
        problems.RequireVersion(input.Version);
        if (problems.Any)
            return null;

        followUp.RecordedOn = input.RecordedOn;
        followUp.Status = input.Status;
        followUp.ContactMethod = input.ContactMethod;
        followUp.SameEmployer = input.Status == FollowUpStatus.Employed ? input.SameEmployer : null;
        await db.SaveEditAsync(followUp, input.Version!.Value, "The follow-up", cancellationToken);
        return followUp;
    }

    /// <summary>The exit a follow-up is counted from — its own period's, also after a re-entry — and the window it must
    /// be made in (none for one on demand). Needs the follow-up's enrolment and project loaded.</summary>
    public static async Task<(DateOnly? ExitedOn, FollowUpWindow? Window)> WindowAsync(BrobyggeDb db, FollowUp followUp, CancellationToken cancellationToken)
    {
        var exited = followUp.PeriodId is { } periodId
            ? await db.ParticipationPeriods.Where(p => p.Id == periodId).Select(p => p.EndedOn).SingleOrDefaultAsync(cancellationToken)
            : followUp.Enrolment!.ExitedOn;
        return (exited, exited is { } exitedOn ? FollowUpWindows.Of(followUp.Enrolment!.Project).For(followUp.Kind, exitedOn) : null);
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
    public static void CheckRecord(FollowUpInput input, FollowUpKind kind, DateOnly? exited, FollowUpWindow? window, DateOnly today, Problems problems)
    {
        if (input.RecordedOn is not { } recorded)
            problems.Add(nameof(input.RecordedOn), "Enter the date of the follow-up.");
        else if (recorded > today)
            problems.Add(nameof(input.RecordedOn), "The follow-up date cannot be in the future.");
        else if (exited is { } exit && recorded < exit)
            problems.Add(nameof(input.RecordedOn), "The follow-up date is before the exit.");
        else if (window is { } allowed && !allowed.Contains(recorded))
            problems.Add(nameof(input.RecordedOn), kind == FollowUpKind.FourWeeks
                ? "The four-week follow-up is made within its window after the exit (by default up to 8 weeks after it)."
                : "The six-month follow-up is made within its window after the exit (by default 5 to 9 months after it).");
        if (input.Status is null)
            problems.Add(nameof(input.Status), "Choose whether the person is in work or studies, or could not be reached.");
        else if (input.Status != FollowUpStatus.Unreached && input.ContactMethod is null)
            problems.Add(nameof(input.ContactMethod), "Choose how the person was reached.");
        if (input.Status == FollowUpStatus.Employed && input.SameEmployer is null)
            problems.Add(nameof(input.SameEmployer), "Say whether it is the same employer.");
        FollowUpAnswers.CheckConsistent(input.Status, input.SameEmployer, input.ContactMethod, problems);
    }
}
