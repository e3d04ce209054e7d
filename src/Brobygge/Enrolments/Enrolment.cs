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
/// </summary>
public sealed class Enrolment : ITenantOwned, IVersioned
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

    public bool IsActiveOn(DateOnly date) => EnrolledOn <= date && (ExitedOn is null || ExitedOn >= date);

    /// <summary>Ends the participation and schedules the follow-ups at exit + 4 weeks and + 6 months.
    /// Requires <see cref="FollowUps"/> to be loaded.</summary>
    public void Exit(DateOnly on, ExitReason reason)
    {
        if (on < EnrolledOn)
            throw new ArgumentOutOfRangeException(nameof(on), "The exit date is before the enrolment date.");
        // A second exit without re-entry corrects the first: follow-ups already made stay and are not repeated.
        var correcting = ExitedOn is not null;
        ExitedOn = on;
        ExitReason = reason;
        FollowUps.RemoveAll(f => f.RecordedOn is null && f.Kind != FollowUpKind.OnDemand);
        foreach (var kind in new[] { FollowUpKind.FourWeeks, FollowUpKind.SixMonths }.Where(k => !correcting || !FollowUps.Any(f => f.Kind == k)))
            FollowUps.Add(new FollowUp { OrganisationId = OrganisationId, EnrolmentId = Id, Kind = kind, DueOn = FollowUp.DueAfterExit(kind, on) });
    }

    /// <summary>Re-entry keeps the enrolment and its start date; follow-ups not yet made are cancelled.
    /// Requires <see cref="FollowUps"/> to be loaded.</summary>
    public void ReEnter()
    {
        ExitedOn = null;
        ExitReason = null;
        FollowUps.RemoveAll(f => f.RecordedOn is null && f.Kind != FollowUpKind.OnDemand);
    }
}

/// <summary>Labour-market status at entry: exactly one of the ESF+ common output indicator states
/// (Regulation (EU) 2021/1057, Annex I, point 1).</summary>
public enum LabourStatusAtEntry { Employed, SelfEmployed, Unemployed, LongTermUnemployed, Inactive, InactiveNotInEducation }

/// <summary>Why a participant left. <see cref="NotGiven"/>: an imported exit without a reason, recorded as such rather
/// than guessed (participants-import.md).</summary>
public enum ExitReason { Employed, Studying, Completed, Moved, Discontinued, Other, NotGiven }

/// <summary>Which staff member works with the participant, and in which role, for which period.</summary>
public sealed class Assignment : ITenantOwned
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
}

public enum AssignmentRole { Coach, BridgeBuilder }
