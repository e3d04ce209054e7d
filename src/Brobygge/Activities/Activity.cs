using Brobygge.Data;
using Brobygge.Enrolments;

namespace Brobygge.Activities;

/// <summary>A dated contact or intervention with a participant.</summary>
public sealed class Activity : ITenantOwned, IVersioned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }
    public ActivityKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }

    /// <summary>Planned is not held: a planned activity counts toward no milestone, funnel step or hours until it is
    /// recorded as held.</summary>
    public ActivityStatus Status { get; set; }

    /// <summary>Time of day, when it is set (a planned meeting at 13:15).</summary>
    public TimeOnly? StartsAt { get; set; }

    /// <summary>Hours of participation the activity took, when recorded; summed over held activities only.</summary>
    public double? Hours { get; set; }

    /// <summary>Last day, for activities that last (an internship, a course).</summary>
    public DateOnly? EndsOn { get; set; }

    /// <summary>ISO 639 code of the language used.</summary>
    public string? Language { get; set; }
    public bool InterpreterUsed { get; set; }
    public string? EmployerName { get; set; }
    public string? Supervisor { get; set; }
    public string? Notes { get; set; }
    public Guid? StaffId { get; set; }
    public Guid Version { get; set; }

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

/// <summary>Held is first, so activities recorded before planning existed are held.</summary>
public enum ActivityStatus { Held, Planned }

public enum ActivityKind
{
    Meeting, HomeVisit, PhoneCall, GroupSession, LanguageTraining, ShortCourse, Validation, Mentoring,
    /// <summary>Praktik at an employer.</summary>
    Internship,
}
