using Brobygge.Activities;
using Brobygge.Auditing;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Mappings;
using Brobygge.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Data;

/// <summary>
/// The save pipeline, once for every write: renews each record's version, keeps the audit log append-only and
/// writes an audit event for each change to personal data, numbers those events per organisation, and refreshes
/// the milestones of the enrolments the changes touch, all in one transaction.
/// </summary>
public abstract partial class BrobyggeDb
{
    /// <summary>Only for writes without milestones (Data Protection's key ring saves synchronously).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (touchedEnrolments, audit) = PrepareChanges();
        if (touchedEnrolments.Count > 0 || audit.Count > 0)
        {
            ForgetPendingHistory();
            throw new NotSupportedException("Use SaveChangesAsync: it keeps enrolment milestones and the audit order current in the same transaction.");
        }
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (touchedEnrolments, audit) = PrepareChanges();
        if (touchedEnrolments.Count == 0 && audit.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            // First, so the organisation's counter is taken before any other row is locked (no lock-order deadlock).
            if (audit.Count > 0)
                await AuditTrail.NumberAsync(this, audit, cancellationToken);
            // Changes count as saved only once the milestones are written too.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (touchedEnrolments.Count > 0)
                await EnrolmentMilestones.RefreshAsync(this, touchedEnrolments, cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess)
                ChangeTracker.AcceptAllChanges();
            _pendingHistory.Clear();
            return written;
        }
        catch
        {
            ForgetPendingHistory();
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Renews versions, refuses changes to the audit log, audits writes of personal data, and
    /// returns the enrolments whose milestones the changes may move and the audit events to number.</summary>
    private (HashSet<Guid> TouchedEnrolments, List<AuditEvent> Audit) PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        var touchedEnrolments = new HashSet<Guid>();
        var audit = new List<AuditEvent>();
        var now = Time.GetUtcNow().UtcDateTime;
        var userId = Scope.IsSystem || Scope.UserId == Guid.Empty ? (Guid?)null : Scope.UserId;
        _pendingHistory.Clear();
        try
        {
            return PrepareChanges(touchedEnrolments, audit, now, userId);
        }
        catch
        {
            ForgetPendingHistory();
            throw;
        }
    }

    private (HashSet<Guid> TouchedEnrolments, List<AuditEvent> Audit) PrepareChanges(HashSet<Guid> touchedEnrolments, List<AuditEvent> audit, DateTime now, Guid? userId)
    {
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is AuditEvent added && entry.State == EntityState.Added)
                audit.Add(added);
            if (entry.Entity is AuditEvent or AuditSequence && entry.State != EntityState.Added)
                throw new InvalidOperationException("The audit log is append-only: an audit event cannot be changed or deleted.");
            if (entry.Entity is IRecorded recorded)
                KeepRecord(entry, recorded, now, userId);
            if (entry.Entity is IVersioned versioned && entry.State != EntityState.Deleted)
                versioned.Version = Guid.NewGuid();
            switch (entry.Entity)
            {
                case Activity a: touchedEnrolments.Add(a.EnrolmentId); break;
                case Outcome o: touchedEnrolments.Add(o.EnrolmentId); break;
                case FollowUp f: touchedEnrolments.Add(f.EnrolmentId); break;
                case Mapping m: touchedEnrolments.Add(m.EnrolmentId); break;
            }
            // A record moved to another enrolment changes the milestones of the one it left too.
            if (entry.State == EntityState.Modified && entry.Entity is Activity or Outcome or FollowUp or Mapping)
                touchedEnrolments.Add((Guid)entry.Property(nameof(Outcome.EnrolmentId)).OriginalValue!);
            if (AuditTrail.Describe(entry) is { } change)
            {
                change.UserId = userId;
                change.Source = Scope.Source;
                audit.Add(change);
            }
        }
        AuditEvents.AddRange(audit.Where(change => Entry(change).State == EntityState.Detached));
        return (touchedEnrolments, audit);
    }
}
