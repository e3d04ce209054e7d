using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Data;

/// <summary>
/// The save pipeline's part for <see cref="IRecorded"/> records: a new record is stamped with the instant and the
/// user; a correction keeps the content it replaces as a history row; a removal is soft and gives its reason; history
/// rows and removed records never change again.
/// </summary>
public abstract partial class BrobyggeDb
{
    /// <summary>The columns the pipeline keeps, not the record's content: changing only these is no correction.</summary>
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(IVersioned.Version), nameof(IRecorded.RecordedAt), nameof(IRecorded.RecordedById), nameof(IRecorded.Origin),
        nameof(IRecorded.HistoryOf), nameof(IRecorded.SupersededAt),
        nameof(IRecorded.RemovedAt), nameof(IRecorded.RemovedById), nameof(IRecorded.RemovalReason),
    ];

    /// <summary>History rows added by the save in progress; taken out again if the save fails, so a retry does not
    /// write them twice.</summary>
    private readonly List<object> _pendingHistory = [];

    /// <summary>The application's clock (the tests set theirs); a context made without the application's services
    /// uses the system clock.</summary>
    private TimeProvider Time
        => this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
            ?? TimeProvider.System;

    /// <summary>Stamps, guards and keeps the history of one pending change to a recorded row. The history row of a
    /// correction is not audited itself: the correction's update event stands for it.</summary>
    private void KeepRecord(EntityEntry entry, IRecorded record, DateTime now, Guid? userId)
    {
        var type = entry.Metadata.ClrType.Name;
        if (entry.State == EntityState.Added)
        {
            if (record.HistoryOf is not null)
                throw new InvalidOperationException($"A history row of a {type} is written only by a correction of the record.");
            record.RecordedAt = now;
            record.RecordedById = userId ?? record.RecordedById;
            return;
        }
        var original = entry.OriginalValues;
        if (original[nameof(IRecorded.HistoryOf)] is not null)
            throw new InvalidOperationException($"A history row of a {type} is never changed or deleted.");
        if (original[nameof(IRecorded.RemovedAt)] is not null)
            throw new InvalidOperationException($"A removed {type} is never changed.");
        if (entry.State == EntityState.Deleted)
        {
            // A record dropped from its owner's collection (a rescheduled follow-up) is removed softly, given a reason.
            if (string.IsNullOrWhiteSpace(record.RemovalReason))
                throw new InvalidOperationException($"A {type} is removed with a reason ({nameof(IRecorded.RemovalReason)}), never deleted.");
            entry.State = EntityState.Modified;
            record.RemovedAt ??= now;
        }

        if (ContentChanged(entry))
        {
            if (entry.Metadata.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"A {type} holds owned content that a history row cannot copy; record a new version instead.");
            var earlier = original.Clone();
            earlier["Id"] = Guid.CreateVersion7();
            earlier[nameof(IRecorded.HistoryOf)] = entry.Property("Id").CurrentValue;
            earlier[nameof(IRecorded.SupersededAt)] = now;
            var history = earlier.ToObject();
            Add(history);
            _pendingHistory.Add(history);
            Entry(history).CurrentValues.SetValues(earlier);
            record.RecordedAt = now;
            record.RecordedById = userId;
        }
        else
        {
            // Nothing but bookkeeping changed: the content keeps its own instant and author.
            record.RecordedAt = (DateTime)original[nameof(IRecorded.RecordedAt)]!;
            record.RecordedById = (Guid?)original[nameof(IRecorded.RecordedById)];
        }
        record.HistoryOf = null;
        record.SupersededAt = null;
        if (record.RemovedAt is not null)
        {
            if (string.IsNullOrWhiteSpace(record.RemovalReason))
                throw new InvalidOperationException($"A {type} is removed only with a reason ({nameof(IRecorded.RemovalReason)}).");
            record.RemovedAt = now;
            record.RemovedById = userId;
        }
        else
        {
            record.RemovedById = null;
            record.RemovalReason = null;
        }
    }

    private static bool ContentChanged(EntityEntry entry)
        => entry.Properties.Any(p => !Bookkeeping.Contains(p.Metadata.Name)
            && !p.Metadata.GetValueComparer().Equals(p.OriginalValue, p.CurrentValue));

    /// <summary>Takes out the history rows of a save that failed, so they are not written by the next one.</summary>
    private void ForgetPendingHistory()
    {
        foreach (var history in _pendingHistory)
            Entry(history).State = EntityState.Detached;
        _pendingHistory.Clear();
    }
}

public static class RecordedConfiguration
{
    public const int RemovalReasonLength = 500;

    /// <summary>The columns of <see cref="IRecorded"/>: the reason's length and the index that finds a record's history.
    /// The index holds the history rows only: every current row has no <see cref="IRecorded.HistoryOf"/>, and an index
    /// over all of them let PostgreSQL, with statistics from before a large import, answer "HistoryOf IS NULL" (the
    /// filter every read adds) from it, reading the whole index once per enrolment in the milestone refresh.</summary>
    public static EntityTypeBuilder<T> IsRecorded<T>(this EntityTypeBuilder<T> entity) where T : class, IRecorded
    {
        entity.Property(e => e.RemovalReason).HasMaxLength(RemovalReasonLength);
        entity.HasIndex(e => e.HistoryOf).HasFilter("\"HistoryOf\" IS NOT NULL");
        return entity;
    }

    /// <summary>Removes a record softly: the pipeline stamps the instant and the user; the reason is required.</summary>
    public static void Remove(this IRecorded record, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A removal needs a reason.", nameof(reason));
        record.RemovalReason = reason.Trim();
        record.RemovedAt = DateTime.UnixEpoch; // the pipeline sets the instant of the save
    }
}
