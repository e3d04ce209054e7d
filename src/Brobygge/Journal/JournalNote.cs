using Brobygge.Data;
using Brobygge.Enrolments;

namespace Brobygge.Journal;

/// <summary>
/// A dated note in a participant's journal, written by a member of staff. It belongs to the enrolment, not the person:
/// staff of another project the person takes part in do not read it. Recorded, so a correction keeps what it replaced
/// and a removal keeps the note with its reason.
/// </summary>
public sealed class JournalNote : ITenantOwned, IVersioned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }

    /// <summary>The day the note is about (a call, a meeting), which may be before the day it was written.</summary>
    public DateOnly WrittenOn { get; set; }
    public required string Text { get; set; }

    /// <summary>Who wrote the note; a correction by someone else keeps the author (it is in <see cref="RecordedById"/>).</summary>
    public Guid? AuthorId { get; set; }
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
