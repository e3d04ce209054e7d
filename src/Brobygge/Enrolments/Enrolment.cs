using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Brobygge.Projects;

namespace Brobygge.Enrolments;

/// <summary>
/// A person's participation in a project. One per person and project: the ESF rule is that a person
/// re-entering keeps the enrolment, its start date unchanged and its exit date updated.
/// The milestone dates are what reports read, one row per enrolment, for any "as of" date;
/// <see cref="BrobyggeDb"/> keeps them current in the same transaction as the records they come from.
/// <see cref="EnrolledOn"/> is the first start and <see cref="ExitedOn"/> the final exit; each period of
/// participation between them is a <see cref="ParticipationPeriod"/>.
/// </summary>
public sealed partial class Enrolment : ITenantOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProjectId { get; set; }
    public Project? Project { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>Project-local reference, unique within the project (the import's <c>ref</c>).</summary>
    public required string Reference { get; set; }
    public LabourStatusAtEntry StatusAtEntry { get; set; }

    public DateOnly? ContactedOn { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? ExitedOn { get; private set; }
    public ExitReason? ExitReason { get; private set; }

    // Milestones derived from activities, outcomes and follow-ups (see EnrolmentMilestones).
    public DateOnly? MappedOn { get; set; }
    public DateOnly? FirstActivityOn { get; set; }
    public DateOnly? FirstInternshipOn { get; set; }
    public DateOnly? FirstJobOn { get; set; }
    public DateOnly? FirstStudiesOn { get; set; }
    public DateOnly? FollowUp6mOn { get; set; }
    public FollowUpStatus? FollowUp6mStatus { get; set; }

    public Guid Version { get; set; }

    public List<Assignment> Assignments { get; init; } = [];
    public List<Activity> Activities { get; init; } = [];
    public List<Outcome> Outcomes { get; init; } = [];
    public List<FollowUp> FollowUps { get; init; } = [];

    /// <summary>Every period of participation, the first from <see cref="EnrolledOn"/>; the last one's end is
    /// <see cref="ExitedOn"/>. Exit and re-entry need them loaded.</summary>
    public List<ParticipationPeriod> Periods { get; init; } = [];

    /// <summary>The live periods (not history rows of a correction, not removed), in order.</summary>
    public IEnumerable<ParticipationPeriod> LivePeriods() => Periods.Where(p => p.HistoryOf == null && p.RemovedAt == null).OrderBy(p => p.StartedOn);

    /// <summary>Reads the periods: after a re-entry the time between exit and return is not active. An enrolment not yet
    /// given its first period has had only one, from <see cref="EnrolledOn"/> to <see cref="ExitedOn"/>.</summary>
    public bool IsActiveOn(DateOnly date) => Periods.Count == 0
        ? EnrolledOn <= date && (ExitedOn is null || ExitedOn >= date)
        : LivePeriods().Any(p => p.IsActiveOn(date));

    /// <summary>The period going on, or the last one that ended. An enrolment made in code without a period gets its
    /// first one here (and from the save pipeline), starting on <see cref="EnrolledOn"/>.</summary>
    public ParticipationPeriod CurrentPeriod()
    {
        if (LivePeriods().LastOrDefault() is { } period)
            return period;
        var first = new ParticipationPeriod { OrganisationId = OrganisationId, EnrolmentId = Id, StartedOn = EnrolledOn };
        Periods.Add(first);
        return first;
    }

    /// <summary>Why exiting on that date cannot be done, or null: the date lies before the period began, or a follow-up
    /// already recorded for this period would fall outside its window (PRODUCT.md "Follow-up"). Requires
    /// <see cref="Periods"/> and <see cref="FollowUps"/> to be loaded.</summary>
    public string? ExitProblem(DateOnly on, FollowUpWindows windows)
    {
        var period = LivePeriods().LastOrDefault();
        if (on < (period?.StartedOn ?? EnrolledOn))
            return on < EnrolledOn ? "The exit date cannot be before the enrolment date." : "The exit date cannot be before the re-entry.";
        foreach (var followUp in FollowUps.Where(f => period is not null && f.PeriodId == period.Id && f.RecordedOn is not null).OrderBy(f => f.Kind))
            if (windows.For(followUp.Kind, on) is { } window && !window.Contains(followUp.RecordedOn!.Value))
                return followUp.Kind == FollowUpKind.FourWeeks
                    ? "The four-week follow-up already recorded would then lie outside its window after the exit; correct the follow-up first."
                    : "The six-month follow-up already recorded would then lie outside its window after the exit; correct the follow-up first.";
        return null;
    }

    /// <summary>Ends the current period and schedules its follow-ups at exit + 4 weeks and + 6 months. A second exit
    /// without re-entry corrects the period's end: its follow-ups not yet made move with it, those made stay (and must
    /// stay inside their windows, see <see cref="ExitProblem"/>). Requires <see cref="Periods"/> and
    /// <see cref="FollowUps"/> to be loaded.</summary>
    public void Exit(DateOnly on, ExitReason reason, FollowUpWindows? windows = null)
    {
        windows ??= FollowUpWindows.Default;
        if (ExitProblem(on, windows) is { } problem)
            throw new ArgumentOutOfRangeException(nameof(on), on, problem);
        var period = CurrentPeriod();
        period.EndedOn = on;
        period.ExitReason = reason;
        ExitedOn = on;
        ExitReason = reason;
        foreach (var kind in new[] { FollowUpKind.FourWeeks, FollowUpKind.SixMonths })
        {
            var scheduled = FollowUps.Where(f => f.Kind == kind && f.PeriodId == period.Id).ToList();
            foreach (var open in scheduled.Where(f => f.RecordedOn is null))
                open.DueOn = FollowUp.DueAfterExit(kind, on, windows);
            if (scheduled.Count == 0)
                FollowUps.Add(new FollowUp { OrganisationId = OrganisationId, EnrolmentId = Id, PeriodId = period.Id, Kind = kind, DueOn = FollowUp.DueAfterExit(kind, on, windows) });
        }
    }

    /// <summary>Re-entry keeps the enrolment and its first start date and opens a new period. Follow-ups of the earlier
    /// exit not yet made are cancelled; those made are kept for history but no longer counted (the milestones read
    /// the latest period's). Requires <see cref="Periods"/> and <see cref="FollowUps"/> to be loaded.</summary>
    public void ReEnter(DateOnly on)
    {
        var last = CurrentPeriod();
        if (last.EndedOn is not { } ended)
            throw new InvalidOperationException("The participant has not left: there is nothing to re-enter.");
        if (on < ended || on <= last.StartedOn)
            throw new ArgumentOutOfRangeException(nameof(on), on, "A re-entry cannot be dated before the last exit.");
        Periods.Add(new ParticipationPeriod { OrganisationId = OrganisationId, EnrolmentId = Id, StartedOn = on });
        ExitedOn = null;
        ExitReason = null;
        CancelPendingFollowUps("Cancelled by re-entry.");
    }

    /// <summary>Follow-ups not yet made leave the list; the save keeps them as removed, with the reason.</summary>
    private void CancelPendingFollowUps(string reason)
    {
        foreach (var pending in FollowUps.Where(f => f.RecordedOn is null && f.Kind != FollowUpKind.OnDemand))
            pending.Remove(reason);
        FollowUps.RemoveAll(f => f.RemovedAt is not null);
    }
}

/// <summary>Labour-market status at entry: exactly one of the ESF+ common output indicator states
/// (Regulation (EU) 2021/1057, Annex I, point 1).</summary>
public enum LabourStatusAtEntry { Employed, SelfEmployed, Unemployed, LongTermUnemployed, Inactive, InactiveNotInEducation }

/// <summary>Why a participant left. <see cref="NotGiven"/>: an imported exit without a reason, recorded as such rather
/// than guessed (participants-import.md).</summary>
public enum ExitReason { Employed, Studying, Completed, Moved, Discontinued, Other, NotGiven }

/// <summary>Which staff member works with the participant, and in which role, for which period.</summary>
public sealed class Assignment : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }
    public Guid StaffId { get; set; }
    public Identity.User? Staff { get; set; }
    public AssignmentRole Role { get; set; }
    public DateOnly StartedOn { get; set; }

    /// <summary>Null while the assignment is current; dates are kept so caseloads can be counted as of any day.</summary>
    public DateOnly? EndedOn { get; set; }

    // IRecorded: when this content was entered, what it replaced, whether it was removed (Data/Recorded.cs).
    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}

public enum AssignmentRole { Coach, BridgeBuilder }
