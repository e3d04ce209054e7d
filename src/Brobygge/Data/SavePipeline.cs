using Brobygge.Auditing;
using Brobygge.Enrolments;
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
            // Then the touched enrolments, in id order, before their records are written (no lost milestone update).
            if (touchedEnrolments.Count > 0)
                await EnrolmentMilestones.LockAsync(this, touchedEnrolments, cancellationToken);
            // Changes count as saved only once the milestones are written too.
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            if (touchedEnrolments.EnrolmentIds.Count > 0)
                await EnrolmentMilestones.RefreshAsync(this, touchedEnrolments.EnrolmentIds, cancellationToken);
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
    private (EnrolmentMilestones.Touched TouchedEnrolments, List<AuditEvent> Audit) PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        // A new enrolment begins its first period of participation, however it was made.
        var newEnrolments = ChangeTracker.Entries<Enrolment>().Where(e => e.State == EntityState.Added && e.Entity.Periods.Count == 0).ToList();
        foreach (var added in newEnrolments)
            added.Entity.CurrentPeriod();
        if (newEnrolments.Count > 0)
            ChangeTracker.DetectChanges();
        var touchedEnrolments = new EnrolmentMilestones.Touched();
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

    private (EnrolmentMilestones.Touched TouchedEnrolments, List<AuditEvent> Audit) PrepareChanges(EnrolmentMilestones.Touched touchedEnrolments, List<AuditEvent> audit, DateTime now, Guid? userId)
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
            touchedEnrolments.Add(entry);
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
