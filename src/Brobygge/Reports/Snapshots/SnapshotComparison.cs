using System.Text.Json;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Leaving;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports.Snapshots;

/// <summary>A record entered, corrected or removed after a snapshot, dated up to its as-of date: what can have moved a
/// figure. <see cref="Affects"/> names the figure keys (prefixes) it feeds.</summary>
public sealed record ChangedRecord(string Kind, string Reference, DateOnly On, string Change, string Who, DateTime When, Gender Gender, IReadOnlyList<string> Affects)
{
    /// <summary>Whether the record can have moved the figure: it feeds the indicator, and the part is the total or its gender's.</summary>
    public bool CanMove(string figureKey)
    {
        var dot = figureKey.LastIndexOf('.');
        var (indicator, part) = (figureKey[..dot], figureKey[(dot + 1)..]);
        var genderPart = Gender switch { Gender.Woman => "women", Gender.Man => "men", _ => "nonBinary" };
        return (part == "total" || part == genderPart)
            && Affects.Any(a => a.EndsWith('.') ? indicator.StartsWith(a, StringComparison.Ordinal) || indicator + "." == a : indicator == a);
    }
}

/// <summary>A figure that moved since the snapshot: then, now, and the records that can have moved it.</summary>
public sealed record FigureChange(string Key, int Then, int Now, IReadOnlyList<ChangedRecord> Records)
{
    public int Difference => Now - Then;
}

/// <summary>The report re-run against a snapshot: which figures moved since, and which records moved them.</summary>
public sealed record SnapshotComparison(ReportSnapshot Snapshot, IReadOnlyList<FigureChange> Moved, IReadOnlyList<ChangedRecord> Records)
{
    public FigureChange? For(string key) => Moved.FirstOrDefault(m => m.Key == key);
}

public static class ReportSnapshots
{
    public static async Task<ReportSnapshot> SaveAsync(BrobyggeDb db, Guid organisationId, Guid projectId, string kind, DateOnly asOf,
        string definitionsVersion, IReadOnlyDictionary<string, int> figures, DateTime now, CancellationToken cancellationToken)
    {
        var snapshot = new ReportSnapshot
        {
            OrganisationId = organisationId, ProjectId = projectId, Kind = kind, AsOf = asOf, DefinitionsVersion = definitionsVersion,
            MadeAt = now, MadeById = db.Scope.IsSystem ? null : db.Scope.UserId, Figures = JsonSerializer.Serialize(figures),
        };
        db.Set<ReportSnapshot>().Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return snapshot;
    }

    /// <summary>The latest snapshot of the report for that as-of date, if one was made.</summary>
    public static Task<ReportSnapshot?> LatestAsync(BrobyggeDb db, Guid projectId, string kind, DateOnly asOf, CancellationToken cancellationToken)
        => db.Set<ReportSnapshot>().AsNoTracking()
            .Where(s => s.ProjectId == projectId && s.Kind == kind && s.AsOf == asOf)
            .OrderByDescending(s => s.MadeAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static IReadOnlyDictionary<string, int> FiguresOf(ReportSnapshot snapshot)
        => JsonSerializer.Deserialize<Dictionary<string, int>>(snapshot.Figures) ?? [];

    /// <summary>Compares the figures now with the snapshot's and finds the records changed since it was made.</summary>
    public static async Task<SnapshotComparison> CompareAsync(BrobyggeDb db, ReportSnapshot snapshot, IReadOnlyDictionary<string, int> now, CancellationToken cancellationToken)
    {
        var then = FiguresOf(snapshot);
        var records = await ChangedSinceAsync(db, snapshot.ProjectId, snapshot.MadeAt, snapshot.AsOf, cancellationToken);
        var moved = now.Keys.Union(then.Keys).Order(StringComparer.Ordinal)
            .Select(key => (key, Then: then.GetValueOrDefault(key), Now: now.GetValueOrDefault(key)))
            .Where(f => f.Then != f.Now)
            .Select(f => new FigureChange(f.key, f.Then, f.Now, records.Where(r => r.CanMove(f.key)).ToList()))
            .ToList();
        return new SnapshotComparison(snapshot, moved, records);
    }

    private sealed record Row(Guid EnrolmentId, DateOnly On, DateTime RecordedAt, Guid? RecordedById, DateTime? RemovedAt, Guid? RemovedById, Guid Id);

    /// <summary>
    /// The project's records entered, corrected or removed after <paramref name="since"/> whose dates are up to
    /// <paramref name="asOf"/>: situations upon leaving, six-month follow-ups, exits (periods), special-category
    /// answers and outcomes. Read with their history (a removed record is otherwise invisible), with the user's access.
    /// </summary>
    public static async Task<List<ChangedRecord>> ChangedSinceAsync(BrobyggeDb db, Guid projectId, DateTime since, DateOnly asOf, CancellationToken cancellationToken)
    {
        var enrolments = db.Enrolments.Where(e => e.ProjectId == projectId);
        var rows = new List<(string Kind, Row Row, string[] Affects)>();

        foreach (var r in await Changed<LeavingSituation>(db, since).Where(s => s.On <= asOf && enrolments.Any(e => e.Id == s.EnrolmentId))
                     .Select(s => new { Row = new Row(s.EnrolmentId, s.On, s.RecordedAt, s.RecordedById, s.RemovedAt, s.RemovedById, s.Id), s.Kind }).ToListAsync(cancellationToken))
        {
            var kind = r.Kind;
            rows.Add(("situation upon leaving: " + kind, r.Row, [kind switch
            {
                LeavingSituationKind.InWork => "uponLeaving.inEmployment",
                LeavingSituationKind.InEducationOrTraining => "uponLeaving.inEducationOrTraining",
                LeavingSituationKind.JobSearching => "uponLeaving.jobSearching",
                _ => "uponLeaving.qualification",
            }]));
        }
        foreach (var r in await Changed<FollowUp>(db, since).Where(f => f.Kind == FollowUpKind.SixMonths && f.RecordedOn != null && f.RecordedOn <= asOf && enrolments.Any(e => e.Id == f.EnrolmentId))
                     .Select(f => new Row(f.EnrolmentId, f.RecordedOn!.Value, f.RecordedAt, f.RecordedById, f.RemovedAt, f.RemovedById, f.Id)).ToListAsync(cancellationToken))
            rows.Add(("six-month follow-up", r, ["sixMonths.", "retained"]));
        foreach (var r in await Changed<ParticipationPeriod>(db, since).Where(p => p.EndedOn != null && enrolments.Any(e => e.Id == p.EnrolmentId))
                     .Select(p => new Row(p.EnrolmentId, p.EndedOn!.Value, p.RecordedAt, p.RecordedById, p.RemovedAt, p.RemovedById, p.Id)).ToListAsync(cancellationToken))
            rows.Add(("exit", r, ["leavers", "uponLeaving.", "sixMonths."]));
        foreach (var r in await Changed<SpecialCategoryAnswer>(db, since).Where(a => a.CollectedOn <= asOf && enrolments.Any(e => e.Id == a.EnrolmentId))
                     .Select(a => new { Row = new Row(a.EnrolmentId, a.CollectedOn, a.RecordedAt, a.RecordedById, a.RemovedAt, a.RemovedById, a.Id), a.Category }).ToListAsync(cancellationToken))
        {
            var category = r.Category;
            rows.Add(("special category: " + category, r.Row, [category.ToString().ToLowerInvariant(), category.ToString().ToLowerInvariant() + "."]));
        }
        foreach (var r in await Changed<Outcome>(db, since).Where(o => o.StartedOn <= asOf && enrolments.Any(e => e.Id == o.EnrolmentId))
                     .Select(o => new { Row = new Row(o.EnrolmentId, o.StartedOn, o.RecordedAt, o.RecordedById, o.RemovedAt, o.RemovedById, o.Id), o.Kind }).ToListAsync(cancellationToken))
            rows.Add((r.Kind == OutcomeKind.Employment ? "job" : "studies", r.Row,
                r.Kind == OutcomeKind.Employment ? ["employed", "employedOrInternship", "employedOrStudying", "timeToFirstJob", "funnel.employed"] : ["studying", "employedOrStudying"]));

        if (rows.Count == 0)
            return [];
        var enrolmentIds = rows.Select(r => r.Row.EnrolmentId).Distinct().ToList();
        var references = await enrolments.Where(e => enrolmentIds.Contains(e.Id)).AsNoTracking()
            .Select(e => new { e.Id, e.Reference, e.GenderAtEntry }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var corrected = await CorrectedSinceAsync(db, rows.Select(r => r.Row.Id).ToList(), since, cancellationToken);
        var userIds = rows.SelectMany(r => new[] { r.Row.RecordedById, r.Row.RemovedById }).OfType<Guid>().Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string WhoIs(Guid? id) => id is { } known ? users.GetValueOrDefault(known) ?? "?" : "import or command line";

        return rows.Select(r =>
            {
                var removed = r.Row.RemovedAt is { } at && at > since;
                var change = removed ? "removed" : corrected.Contains(r.Row.Id) ? "corrected" : "recorded";
                var enrolment = references[r.Row.EnrolmentId];
                return new ChangedRecord(r.Kind, enrolment.Reference, r.Row.On, change,
                    WhoIs(removed ? r.Row.RemovedById : r.Row.RecordedById), removed ? r.Row.RemovedAt!.Value : r.Row.RecordedAt, enrolment.GenderAtEntry, r.Affects);
            })
            .OrderBy(r => r.When).ThenBy(r => r.Reference, StringComparer.Ordinal).ToList();
    }

    /// <summary>Live records and removals changed after the instant (their history rows are the versions they replaced).</summary>
    private static IQueryable<T> Changed<T>(BrobyggeDb db, DateTime since) where T : class, IRecorded
        => History<T>(db).Where(r => r.HistoryOf == null && (r.RecordedAt > since || (r.RemovedAt != null && r.RemovedAt > since)));

    private static IQueryable<T> History<T>(BrobyggeDb db) where T : class, IRecorded => db.WithHistory<T>();

    /// <summary>Which of the records were corrected after the instant: a history row of theirs was superseded then.</summary>
    private static async Task<HashSet<Guid>> CorrectedSinceAsync(BrobyggeDb db, List<Guid> ids, DateTime since, CancellationToken cancellationToken)
    {
        var found = new HashSet<Guid>();
        found.UnionWith(await SupersededAsync<LeavingSituation>(db, ids, since, cancellationToken));
        found.UnionWith(await SupersededAsync<FollowUp>(db, ids, since, cancellationToken));
        found.UnionWith(await SupersededAsync<ParticipationPeriod>(db, ids, since, cancellationToken));
        found.UnionWith(await SupersededAsync<SpecialCategoryAnswer>(db, ids, since, cancellationToken));
        found.UnionWith(await SupersededAsync<Outcome>(db, ids, since, cancellationToken));
        return found;
    }

    private static Task<List<Guid>> SupersededAsync<T>(BrobyggeDb db, List<Guid> ids, DateTime since, CancellationToken cancellationToken) where T : class, IRecorded
        => History<T>(db).Where(r => r.HistoryOf != null && ids.Contains(r.HistoryOf.Value) && r.SupersededAt > since)
            .Select(r => r.HistoryOf!.Value).Distinct().ToListAsync(cancellationToken);
}
