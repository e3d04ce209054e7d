using Brobygge.Data;
using Brobygge.Enrolments;

namespace Brobygge.Outcomes;

/// <summary>A result for a participant: a job or studies, dated when it happened.</summary>
public sealed class Outcome : ITenantOwned, IVersioned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }
    public OutcomeKind Kind { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? EmployerName { get; set; }
    public EmploymentType? EmploymentType { get; set; }
    public double? HoursPerWeek { get; set; }
    public StudiesType? StudiesType { get; set; }
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

public enum OutcomeKind { Employment, Studies }

public enum EmploymentType { Permanent, FixedTerm, Hourly, Subsidised, SelfEmployed }

public enum StudiesType { Sfi, Komvux, Vocational, University, Other }
