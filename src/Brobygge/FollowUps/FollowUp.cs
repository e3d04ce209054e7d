using Brobygge.Data;
using Brobygge.Enrolments;

namespace Brobygge.FollowUps;

/// <summary>A check after exit of whether the person is in work or studies.</summary>
public sealed class FollowUp : ITenantOwned, IVersioned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }

    /// <summary>The period of participation whose exit scheduled it (none for one on demand). After a re-entry the
    /// earlier periods' follow-ups are kept for history but never counted.</summary>
    public Guid? PeriodId { get; set; }
    public FollowUpKind Kind { get; set; }
    public DateOnly DueOn { get; set; }
    public DateOnly? RecordedOn { get; set; }
    public FollowUpStatus? Status { get; set; }
    public bool? SameEmployer { get; set; }
    public ContactMethod? ContactMethod { get; set; }
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

    public bool IsOverdueOn(DateOnly today) => RecordedOn is null && DueOn < today;

    /// <summary>ESF+ result indicators look at the situation "upon leaving" (within four weeks) and six
    /// months after leaving (Regulation (EU) 2021/1057, Annex I, points 2–3). A date on a weekend or a Swedish public
    /// holiday moves to the nearest working day inside the follow-up's window: nobody calls on Christmas Day.</summary>
    public static DateOnly DueAfterExit(FollowUpKind kind, DateOnly exitedOn, FollowUpWindows? windows = null)
    {
        var due = kind switch
        {
            FollowUpKind.FourWeeks => exitedOn.AddDays(28),
            FollowUpKind.SixMonths => exitedOn.AddMonths(6),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only the scheduled follow-ups have a due date."),
        };
        return (windows ?? FollowUpWindows.Default).For(kind, exitedOn) is { } window
            ? Calendar.SwedishHolidays.NearestWorkingDay(due, window.From, window.To)
            : due;
    }
}

public enum FollowUpKind { FourWeeks, SixMonths, OnDemand }

/// <summary>Reached: employed, studying or not employed; or not reached at all.</summary>
public enum FollowUpStatus { Employed, Studying, NotEmployed, Unreached }

/// <summary>How the person was reached. <see cref="NotRecorded"/>: a follow-up brought in by an import, whose
/// spreadsheet did not say; never invented (participants-import.md).</summary>
public enum ContactMethod { Phone, Visit, Message, Employer, Register, NotRecorded }
