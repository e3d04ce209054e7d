using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Mappings;
using Brobygge.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>
/// Derives an enrolment's milestone dates from its activities, outcomes and follow-ups, so reports read
/// one row per enrolment (PRODUCT.md, "Storage and scale"). Runs inside the transaction of the save that
/// changed them, as one UPDATE, so the dates can never disagree with the records.
/// </summary>
public static class EnrolmentMilestones
{
    public static async Task RefreshAsync(BrobyggeDb db, IReadOnlyCollection<Guid> enrolmentIds, CancellationToken cancellationToken)
    {
        // Filters are ignored: the caller changed these records, so it was allowed to see them.
        var activities = db.BeyondAccess<Activity>();
        var outcomes = db.BeyondAccess<Outcome>();
        var sixMonthFollowUps = db.BeyondAccess<FollowUp>()
            .Where(f => f.Kind == FollowUpKind.SixMonths && f.RecordedOn != null);
        var mappings = db.BeyondAccess<Mapping>();
        var ids = enrolmentIds.ToList();

        await db.BeyondAccess<Enrolment>()
            .Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(set => set
                .SetProperty(e => e.MappedOn, e => mappings.Where(m => m.EnrolmentId == e.Id).Min(m => (DateOnly?)m.MappedOn))
                .SetProperty(e => e.FirstActivityOn, e => activities.Where(a => a.EnrolmentId == e.Id).Min(a => (DateOnly?)a.OccurredOn))
                .SetProperty(e => e.FirstInternshipOn, e => activities.Where(a => a.EnrolmentId == e.Id && a.Kind == ActivityKind.Internship).Min(a => (DateOnly?)a.OccurredOn))
                .SetProperty(e => e.FirstJobOn, e => outcomes.Where(o => o.EnrolmentId == e.Id && o.Kind == OutcomeKind.Employment).Min(o => (DateOnly?)o.StartedOn))
                .SetProperty(e => e.FirstStudiesOn, e => outcomes.Where(o => o.EnrolmentId == e.Id && o.Kind == OutcomeKind.Studies).Min(o => (DateOnly?)o.StartedOn))
                .SetProperty(e => e.FollowUp6mOn, e => sixMonthFollowUps.Where(f => f.EnrolmentId == e.Id).Max(f => f.RecordedOn))
                .SetProperty(e => e.FollowUp6mStatus, e => sixMonthFollowUps.Where(f => f.EnrolmentId == e.Id)
                    .OrderByDescending(f => f.RecordedOn).Select(f => f.Status).FirstOrDefault()),
                cancellationToken);

        // Tracked copies would otherwise show the dates from before the save.
        foreach (var entry in db.ChangeTracker.Entries<Enrolment>().Where(entry => ids.Contains(entry.Entity.Id)).ToList())
            await entry.ReloadAsync(cancellationToken);
    }
}
