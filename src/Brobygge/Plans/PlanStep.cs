using Brobygge.Data;
using Brobygge.Enrolments;

namespace Brobygge.Plans;

/// <summary>A step of the participant's individual plan.</summary>
public sealed class PlanStep : ITenantOwned, IVersioned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }
    public required string Title { get; set; }

    /// <summary>Who does it: a staff member, the participant, a partner — in the coach's words.</summary>
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public PlanStepStatus Status { get; set; }
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

public enum PlanStepStatus { Planned, InProgress, Done, Cancelled }
