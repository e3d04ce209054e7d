using Brobygge.Data;

namespace Brobygge.Enrolments;

/// <summary>
/// One period of participation: from entry (or re-entry) to exit. A person who comes back keeps the one enrolment
/// (ESF 2014–2020 guidance, and PRODUCT.md "Enrolment"), whose first start and final exit stand on it, but every
/// period stays, so "active on D", leavers per quarter and caseloads as of a date stay right after a re-entry.
/// An exit correction changes the period it ends; the save pipeline keeps the earlier version as history.
/// </summary>
public sealed class ParticipationPeriod : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }
    public DateOnly StartedOn { get; set; }

    /// <summary>Null while the period goes on.</summary>
    public DateOnly? EndedOn { get; set; }
    public ExitReason? ExitReason { get; set; }

    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }

    public bool IsActiveOn(DateOnly date) => StartedOn <= date && (EndedOn is null || EndedOn >= date);
}

/// <summary>"As of D" over the periods, for reports and caseloads: one query, whatever the number of re-entries.</summary>
public static class ParticipationQueries
{
    /// <summary>The enrolments active on the date: inside one of their periods (the gap between exit and re-entry is not).</summary>
    public static IQueryable<Enrolment> ActiveOn(this IQueryable<Enrolment> enrolments, DateOnly date)
        => enrolments.Where(e => e.Periods.Any(p => p.HistoryOf == null && p.RemovedAt == null
            && p.StartedOn <= date && (p.EndedOn == null || p.EndedOn >= date)));

    /// <summary>The exits between the dates, both included: every period's end, so a participant who left, came back
    /// and left again is a leaver in both quarters.</summary>
    public static IQueryable<ParticipationPeriod> EndedBetween(this IQueryable<ParticipationPeriod> periods, DateOnly from, DateOnly to)
        => periods.Where(p => p.HistoryOf == null && p.RemovedAt == null && p.EndedOn >= from && p.EndedOn <= to);
}
