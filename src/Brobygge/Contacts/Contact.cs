using Brobygge.Data;
using Brobygge.Participants;

namespace Brobygge.Contacts;

/// <summary>A meeting through outreach with someone not (yet) enrolled: where, in which language, by which
/// bridge-builder. Enrolment can follow, and mapping can start before it.</summary>
public sealed class Contact : ITenantOwned, IVersioned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public Guid ProjectId { get; set; }
    public DateOnly ContactedOn { get; set; }

    /// <summary>ISO 639 code of the language the contact happened in.</summary>
    public string? Language { get; set; }
    public Guid? BridgeBuilderId { get; set; }
    public string? Place { get; set; }
    public string? Notes { get; set; }
    public Guid? RegisteredById { get; set; }

    /// <summary>When the person was enrolled in the contact's project; from then on the enrolment's
    /// assignments, not the contact, decide who sees them.</summary>
    public DateOnly? EnrolledOn { get; set; }
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
