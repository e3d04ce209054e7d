namespace Brobygge.Data;

/// <summary>
/// A record a reported figure reads. It keeps when it was entered and by whom, what replaced it and whether it was
/// removed, so a figure sent in January can be reproduced and explained in March (PRODUCT.md, "Reports", point 4).
/// <para>
/// The live row keeps its id for life. A correction copies the earlier content into a history row of the same
/// table (<see cref="HistoryOf"/> = the live row's id, <see cref="SupersededAt"/> = the correction's instant) and
/// stamps the live row anew; a removal is soft (<see cref="RemovedAt"/> with a reason). What was known at an
/// instant T is then one predicate over one table: <see cref="Recorded.KnownAt{T}"/>.
/// </para>
/// </summary>
public interface IRecorded
{
    /// <summary>The instant (UTC) this content was entered.</summary>
    DateTime RecordedAt { get; set; }
    Guid? RecordedById { get; set; }
    RecordOrigin Origin { get; set; }

    /// <summary>Set on a history row: the live record it is an earlier version of.</summary>
    Guid? HistoryOf { get; set; }

    /// <summary>Set on a history row: when a correction replaced this content.</summary>
    DateTime? SupersededAt { get; set; }

    DateTime? RemovedAt { get; set; }
    Guid? RemovedById { get; set; }
    string? RemovalReason { get; set; }
}

/// <summary>Who entered a record: staff in Brobygge, or an import (which a re-import may replace).</summary>
public enum RecordOrigin { Staff, Import }

public static class Recorded
{
    /// <summary>The records as they were known at <paramref name="instant"/>: entered by then, not yet replaced
    /// by a correction, not yet removed. Read it over every row, history included.</summary>
    public static IQueryable<T> KnownAt<T>(this IQueryable<T> records, DateTime instant) where T : IRecorded =>
        records.Where(r => r.RecordedAt <= instant
            && (r.SupersededAt == null || r.SupersededAt > instant)
            && (r.RemovedAt == null || r.RemovedAt > instant));
}
