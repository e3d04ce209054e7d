using Brobygge.Activities;
using Brobygge.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Data;

/// <summary>Why a record is removed, and the version read: a removal is kept with its reason, never deleted.</summary>
public sealed class RemovalInput
{
    [MultiLine] public string? Reason { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Removing a recorded record and reading its versions, the same for every kind (<see cref="IRecorded"/>);
/// shared by the pages and the API.</summary>
public static class RecordOperations
{
    /// <summary>Removes the record over the version the user read: kept with the reason, counted nowhere from now on.
    /// <paramref name="what"/> names it in "not found" and conflicts ("The outcome").</summary>
    public static async Task<T?> RemoveAsync<T>(BrobyggeDb db, Guid id, RemovalInput input, string what, Problems problems, CancellationToken cancellationToken)
        where T : class, IRecorded, IVersioned
    {
        var record = await db.Set<T>().SingleOrDefaultAsync(r => EF.Property<Guid>(r, "Id") == id, cancellationToken)
            ?? throw new NotFoundException(what);
        if (string.IsNullOrWhiteSpace(input.Reason))
            problems.Add(nameof(input.Reason), "Give the reason for the removal; it is kept with the record.");
        problems.CheckLength(nameof(input.Reason), input.Reason, RecordedConfiguration.RemovalReasonLength);
        problems.RequireVersion(input.Version);
        if (problems.Any)
            return null;
        record.Remove(input.Reason!);
        await db.SaveEditAsync(record, input.Version!.Value, what, cancellationToken);
        return record;
    }

    /// <summary>The record's versions, the current (or removed) one first, then each earlier one it replaced, the latest
    /// first; null when the record is not there or not visible to the user.</summary>
    public static async Task<IReadOnlyList<T>?> VersionsAsync<T>(BrobyggeDb db, Guid id, CancellationToken cancellationToken)
        where T : class, IRecorded
    {
        var versions = await db.WithHistory<T>().AsNoTracking()
            .Where(r => EF.Property<Guid>(r, "Id") == id || r.HistoryOf == id)
            .ToListAsync(cancellationToken);
        var current = versions.Where(r => r.HistoryOf is null).ToList();
        if (current.Count != 1)
            return null;
        return [current[0], .. versions.Where(r => r.HistoryOf is not null).OrderByDescending(r => r.SupersededAt)];
    }
}
