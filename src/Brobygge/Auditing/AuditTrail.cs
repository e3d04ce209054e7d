using Brobygge.Activities;
using Brobygge.Consents;
using Brobygge.Contacts;
using Brobygge.Mappings;
using Brobygge.Plans;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.FollowUps;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Brobygge.Auditing;

/// <summary>
/// Every read and write of personal data leaves an audit event (PRODUCT.md, "Privacy and security"), and so does every
/// refused attempt. Writes are audited in their own transaction (<see cref="BrobyggeDb"/>); reads go through the
/// <see cref="AuditLog"/>, which commits them in groups and answers only once they are durable.
/// </summary>
public static class AuditTrail
{
    private static readonly HashSet<Type> PersonalData =
        [typeof(Person), typeof(Contact), typeof(Enrolment), typeof(ParticipationPeriod), typeof(Assignment), typeof(Mapping), typeof(PlanStep), typeof(Activity), typeof(Outcome), typeof(FollowUp), typeof(Consent),
        typeof(Leaving.LeavingSituation), typeof(Leaving.Qualification), typeof(Enrolments.SpecialCategoryAnswer), typeof(Journal.JournalNote)];

    /// <summary>The audit event for a pending write, or null when the entry holds no personal data.</summary>
    internal static AuditEvent? Describe(EntityEntry entry)
    {
        if (entry.Entity is User user)
            return FailedLogin(entry, user);
        if (!PersonalData.Contains(entry.Entity.GetType()) || entry.Entity is not ITenantOwned owned)
            return null;
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Create,
            // A soft removal is the record's deletion as far as anyone reading it can tell.
            EntityState.Modified when entry.Entity is IRecorded { RemovedAt: not null } && entry.Property(nameof(IRecorded.RemovedAt)).OriginalValue is null
                => AuditAction.Delete,
            EntityState.Modified => AuditAction.Update,
            _ => AuditAction.Delete,
        };
        return new AuditEvent
        {
            OrganisationId = owned.OrganisationId,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = (Guid)entry.Property("Id").CurrentValue!,
        };
    }

    /// <summary>
    /// A failed login shows as Identity counting it (or, at the last allowed failure, locking the account and resetting
    /// the count), in the same save; so every login path that uses lockout is audited, before its answer, by the
    /// account's id and never its e-mail address.
    /// </summary>
    private static AuditEvent? FailedLogin(EntityEntry entry, User user)
    {
        if (entry.State != EntityState.Modified)
            return null;
        var count = entry.Property(nameof(User.AccessFailedCount));
        var lockout = entry.Property(nameof(User.LockoutEnd));
        var counted = (int)count.CurrentValue! > (int)count.OriginalValue!;
        // Identity's store marks every property modified: compare with the values read instead.
        // Disabling an account is a lockout too, but an administrator's, audited by the administration (AdminAudit).
        var locked = user.LockoutEnd is not null && !AccountStatus.IsDisabled(user) && !Equals(lockout.OriginalValue, lockout.CurrentValue) && (int)count.CurrentValue! == 0;
        return counted || locked
            ? new AuditEvent { OrganisationId = user.OrganisationId, Action = AuditAction.LoginFailed, EntityType = nameof(User), EntityId = user.Id }
            : null;
    }

    /// <summary>Records that the current user read a person's record; returns once the event is durable.</summary>
    public static Task RecordReadAsync(this BrobyggeDb db, Person person, CancellationToken cancellationToken = default)
        => db.AuditLog().RecordAsync(db.Scope, AuditAction.Read, nameof(Person), person.Id, shownIds: null, cancellationToken, person.OrganisationId);

    /// <summary>Records that the current user was shown a list of persons (ids only, in the order shown); returns once
    /// the event is durable. Nothing is recorded for an empty list.</summary>
    public static Task RecordListReadAsync(this BrobyggeDb db, IEnumerable<Guid> personIds, CancellationToken cancellationToken = default)
    {
        var shown = personIds.Distinct().ToList();
        return shown.Count == 0
            ? Task.CompletedTask
            : db.AuditLog().RecordAsync(db.Scope, AuditAction.ListRead, nameof(Person), Guid.Empty, shown, cancellationToken);
    }

    private static AuditLog AuditLog(this BrobyggeDb db)
        => db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<AuditLog>()
            ?? throw new InvalidOperationException("This database context was made without the application's services, so it cannot record reads.");

    /// <summary>
    /// Gives the events their organisation's next sequence numbers, in the caller's transaction. The counter row stays
    /// locked until that transaction ends, so numbers follow commit order and have no gaps; a rolled-back transaction
    /// gives its numbers back. Organisations are taken in id order, so two writers never wait for each other in a circle.
    /// </summary>
    internal static async Task NumberAsync(BrobyggeDb db, IReadOnlyCollection<AuditEvent> events, CancellationToken cancellationToken)
    {
        foreach (var organisation in events.GroupBy(e => e.OrganisationId).OrderBy(g => g.Key))
        {
            long count = organisation.Count();
            // INSERT … ON CONFLICT … RETURNING: the same statement on SQLite (3.35+) and PostgreSQL.
            var last = (await db.Database.SqlQuery<long>($"""
                INSERT INTO "AuditSequences" ("OrganisationId", "Last") VALUES ({organisation.Key}, {count})
                ON CONFLICT ("OrganisationId") DO UPDATE SET "Last" = "AuditSequences"."Last" + excluded."Last"
                RETURNING "Last" AS "Value"
                """).ToListAsync(cancellationToken)).Single();
            var next = last - count + 1;
            foreach (var change in organisation)
                change.Sequence = next++;
        }
    }
}
