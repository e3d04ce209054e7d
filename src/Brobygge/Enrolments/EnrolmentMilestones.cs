using Brobygge.Activities;
using Brobygge.Contacts;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Mappings;
using Brobygge.Outcomes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Brobygge.Enrolments;

/// <summary>
/// Derives an enrolment's milestone dates from its contacts, periods, activities, outcomes and follow-ups, so reports
/// read one row per enrolment (PRODUCT.md, "Storage and scale"). Runs inside the transaction of the save that
/// changed them, as one UPDATE, so the dates can never disagree with the records.
/// </summary>
public static class EnrolmentMilestones
{
    /// <summary>The enrolments a save touches: those of the records it writes, before and after the change (a record
    /// moved to another enrolment moves both), and those of the contacts' persons in the contacts' projects.</summary>
    public sealed class Touched
    {
        public HashSet<Guid> EnrolmentIds { get; } = [];
        private readonly HashSet<(Guid PersonId, Guid ProjectId)> _contacts = [];

        public int Count => EnrolmentIds.Count + _contacts.Count;

        public void Add(EntityEntry entry)
        {
            switch (entry.Entity)
            {
                case Activity or Outcome or FollowUp or Mapping or ParticipationPeriod:
                    AddBothValues(entry, "EnrolmentId", EnrolmentIds);
                    break;
                case Enrolment enrolment when entry.State != EntityState.Added:
                    EnrolmentIds.Add(enrolment.Id);
                    break;
                case Contact:
                    var person = entry.Property(nameof(Contact.PersonId));
                    var project = entry.Property(nameof(Contact.ProjectId));
                    _contacts.Add(((Guid)person.CurrentValue!, (Guid)project.CurrentValue!));
                    if (entry.State != EntityState.Added)
                        _contacts.Add(((Guid)person.OriginalValue!, (Guid)project.OriginalValue!));
                    break;
            }
        }

        private static void AddBothValues(EntityEntry entry, string property, HashSet<Guid> ids)
        {
            var value = entry.Property(property);
            ids.Add((Guid)value.CurrentValue!);
            if (entry.State != EntityState.Added)
                ids.Add((Guid)value.OriginalValue!);
        }

        /// <summary>Turns the contacts' persons and projects into their enrolments.</summary>
        internal async Task ResolveAsync(BrobyggeDb db, CancellationToken cancellationToken)
        {
            if (_contacts.Count == 0)
                return;
            var persons = _contacts.Select(c => c.PersonId).Distinct().ToList();
            var found = await db.BeyondAccess<Enrolment>().Where(e => persons.Contains(e.PersonId))
                .Select(e => new { e.Id, e.PersonId, e.ProjectId }).ToListAsync(cancellationToken);
            EnrolmentIds.UnionWith(found.Where(e => _contacts.Contains((e.PersonId, e.ProjectId))).Select(e => e.Id));
            _contacts.Clear();
        }
    }

    /// <summary>
    /// Locks the touched enrolments' rows, in id order, before their records are written. Under READ COMMITTED a
    /// refresh that waited for another transaction's lock on the enrolment would compute from a snapshot without that
    /// transaction's records (a lost update: a first-job date later than the records say); taken first, the lock makes
    /// the later transaction wait before it reads anything. SQLite has one writer already.
    /// </summary>
    public static async Task LockAsync(BrobyggeDb db, Touched touched, CancellationToken cancellationToken)
    {
        await touched.ResolveAsync(db, cancellationToken);
        if (touched.EnrolmentIds.Count == 0 || !db.Database.IsNpgsql())
            return;
        var ids = touched.EnrolmentIds.Order().ToArray();
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Enrolments" WHERE "Id" = ANY({ids}) ORDER BY "Id" FOR NO KEY UPDATE""", cancellationToken);
    }

    public static async Task RefreshAsync(BrobyggeDb db, IReadOnlyCollection<Guid> enrolmentIds, CancellationToken cancellationToken)
    {
        // Filters are ignored: the caller changed these records, so it was allowed to see them.
        // Planned is not held: only held activities count.
        var activities = db.BeyondAccess<Activity>().Where(a => a.Status == ActivityStatus.Held);
        var outcomes = db.BeyondAccess<Outcome>();
        var contacts = db.BeyondAccess<Contact>();
        var periods = db.BeyondAccess<ParticipationPeriod>().Where(p => p.HistoryOf == null && p.RemovedAt == null);
        var sixMonthFollowUps = db.BeyondAccess<FollowUp>()
            .Where(f => f.Kind == FollowUpKind.SixMonths && f.RecordedOn != null);
        var mappings = db.BeyondAccess<Mapping>();
        var ids = enrolmentIds.ToList();

        // Only the latest period's six-month follow-up counts: a re-entry supersedes the earlier exit's. Ties go to the
        // latest date, then the latest id, so the same records always give the same status.
        await db.BeyondAccess<Enrolment>()
            .Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.ContactedOn, e => contacts.Where(c => c.PersonId == e.PersonId && c.ProjectId == e.ProjectId).Min(c => (DateOnly?)c.ContactedOn) ?? e.ContactedOn)
                .SetProperty(e => e.MappedOn, e => mappings.Where(m => m.EnrolmentId == e.Id).Min(m => (DateOnly?)m.MappedOn))
                .SetProperty(e => e.FirstActivityOn, e => activities.Where(a => a.EnrolmentId == e.Id).Min(a => (DateOnly?)a.OccurredOn))
                .SetProperty(e => e.FirstInternshipOn, e => activities.Where(a => a.EnrolmentId == e.Id && a.Kind == ActivityKind.Internship).Min(a => (DateOnly?)a.OccurredOn))
                .SetProperty(e => e.FirstJobOn, e => outcomes.Where(o => o.EnrolmentId == e.Id && o.Kind == OutcomeKind.Employment).Min(o => (DateOnly?)o.StartedOn))
                .SetProperty(e => e.FirstStudiesOn, e => outcomes.Where(o => o.EnrolmentId == e.Id && o.Kind == OutcomeKind.Studies).Min(o => (DateOnly?)o.StartedOn))
                .SetProperty(e => e.FollowUp6mOn, e => sixMonthFollowUps
                    .Where(f => f.EnrolmentId == e.Id && f.PeriodId == periods.Where(p => p.EnrolmentId == e.Id).OrderByDescending(p => p.StartedOn).Select(p => (Guid?)p.Id).FirstOrDefault())
                    .Max(f => f.RecordedOn))
                .SetProperty(e => e.FollowUp6mStatus, e => sixMonthFollowUps
                    .Where(f => f.EnrolmentId == e.Id && f.PeriodId == periods.Where(p => p.EnrolmentId == e.Id).OrderByDescending(p => p.StartedOn).Select(p => (Guid?)p.Id).FirstOrDefault())
                    .OrderByDescending(f => f.RecordedOn).ThenByDescending(f => f.Id).Select(f => f.Status).FirstOrDefault()),
                cancellationToken);

        // Tracked copies would otherwise show the dates from before the save: their milestones are read back in one
        // query (a reload per enrolment was one round trip each, 10,000 of them for a large import's updates).
        var tracked = db.ChangeTracker.Entries<Enrolment>().Where(entry => ids.Contains(entry.Entity.Id)).ToList();
        if (tracked.Count == 0)
            return;
        var trackedIds = tracked.Select(entry => entry.Entity.Id).ToList();
        var fresh = await db.BeyondAccess<Enrolment>().AsNoTracking().Where(e => trackedIds.Contains(e.Id))
            .Select(e => new { e.Id, e.ContactedOn, e.MappedOn, e.FirstActivityOn, e.FirstInternshipOn, e.FirstJobOn, e.FirstStudiesOn, e.FollowUp6mOn, e.FollowUp6mStatus })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        foreach (var entry in tracked)
        {
            if (!fresh.TryGetValue(entry.Entity.Id, out var stored))
                continue;
            Set(entry, nameof(Enrolment.ContactedOn), stored.ContactedOn);
            Set(entry, nameof(Enrolment.MappedOn), stored.MappedOn);
            Set(entry, nameof(Enrolment.FirstActivityOn), stored.FirstActivityOn);
            Set(entry, nameof(Enrolment.FirstInternshipOn), stored.FirstInternshipOn);
            Set(entry, nameof(Enrolment.FirstJobOn), stored.FirstJobOn);
            Set(entry, nameof(Enrolment.FirstStudiesOn), stored.FirstStudiesOn);
            Set(entry, nameof(Enrolment.FollowUp6mOn), stored.FollowUp6mOn);
            Set(entry, nameof(Enrolment.FollowUp6mStatus), stored.FollowUp6mStatus);
        }

        // As stored: the value and the original value both, so the entry does not think it changed them.
        static void Set(EntityEntry<Enrolment> entry, string property, object? value)
        {
            var entryProperty = entry.Property(property);
            entryProperty.CurrentValue = value;
            entryProperty.OriginalValue = value;
            if (entry.State == EntityState.Modified)
                entryProperty.IsModified = false;
        }
    }
}
