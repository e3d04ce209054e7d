using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Participants;
using Brobygge.Plans;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>A count for everyone and by gender at entry (the enrolment's, never the editable person's).</summary>
public sealed record GenderCounts(int Total, int Women, int Men, int NonBinary)
{
    public static GenderCounts Zero { get; } = new(0, 0, 0, 0);

    /// <summary>The count for one gender, or for everyone when <paramref name="gender"/> is null.</summary>
    public int Of(Gender? gender) => gender switch
    {
        null => Total,
        Gender.Woman => Women,
        Gender.Man => Men,
        _ => NonBinary,
    };

    public GenderCounts Add(Gender gender, int count) => gender switch
    {
        Gender.Woman => this with { Total = Total + count, Women = Women + count },
        Gender.Man => this with { Total = Total + count, Men = Men + count },
        _ => this with { Total = Total + count, NonBinary = NonBinary + count },
    };
}

/// <summary>Retention at the six-month follow-up (participants-import.md, "How the goal report counts"): among the
/// employed participants followed up and reached (still employed, studying or not employed), those still employed.
/// The unreached are left out of the base and shown on their own; the rate is null on an empty base.</summary>
public sealed record Retention(int Retained, int FollowedUp, int Unreached, double? Rate)
{
    public static Retention Of(int retained, int followedUp, int unreached)
        => new(retained, followedUp, unreached, followedUp == 0 ? null : (double)retained / followedUp);
}

public sealed record RetentionByGender(Retention Women, Retention Men, Retention NonBinary);

/// <summary>Every indicator of the goal report, each counted once per participant. The goal names
/// (<see cref="GoalIndicators"/>) map onto these; <see cref="Retained6m"/> is the retained count by gender.</summary>
public sealed record Indicators(
    GenderCounts Participants,
    GenderCounts Mapped,
    GenderCounts WithPlan,
    GenderCounts InActivity,
    GenderCounts Internship,
    GenderCounts Employed,
    GenderCounts Studying,
    GenderCounts EmployedOrInternship,
    GenderCounts EmployedOrStudying,
    GenderCounts Retained6m,
    Retention RetainedAt6Months,
    RetentionByGender RetainedAt6MonthsByGender)
{
    public GenderCounts For(GoalIndicator indicator) => indicator switch
    {
        GoalIndicator.Participants => Participants,
        GoalIndicator.Mapped => Mapped,
        GoalIndicator.WithPlan => WithPlan,
        GoalIndicator.InActivity => InActivity,
        GoalIndicator.Internship => Internship,
        GoalIndicator.Employed => Employed,
        GoalIndicator.Studying => Studying,
        GoalIndicator.EmployedOrInternship => EmployedOrInternship,
        GoalIndicator.EmployedOrStudying => EmployedOrStudying,
        GoalIndicator.Retained6m => Retained6m,
        _ => throw new ArgumentOutOfRangeException(nameof(indicator), indicator, null),
    };
}

/// <summary>What a report covers. As of a date (<see cref="From"/> null): everything dated up to <see cref="To"/>.
/// A range: what happened inside [From, To] among those enrolled by To (enrolling is what a participant does, so
/// "participants" of a range are those who enrolled in it).</summary>
public sealed record ReportPeriod(DateOnly? From, DateOnly To)
{
    public static ReportPeriod AsOf(DateOnly date) => new(null, date);

    public static ReportPeriod Between(DateOnly from, DateOnly to)
        => from > to ? throw new ArgumentOutOfRangeException(nameof(from), from, "The range starts after it ends.") : new(from, to);

    public bool IsRange => From is not null;
}

/// <summary>
/// The figures of the goal report for a project and a period, read from the milestone dates each enrolment keeps
/// (EnrolmentMilestones), so the figures are one pass over the enrolments: grouped once in SQL by the few things that
/// decide every indicator (gender at entry and where each milestone date falls against the period), and the small
/// result summed here. The same query runs on SQLite and PostgreSQL.
/// <para>
/// Callers decide who may see a project's figures (a project manager or evaluator of the project, the command line):
/// the figures are aggregates, so they are counted past the reader's access to individual participants (an
/// evaluator sees none), within the organisation (docs/architecture.md, "Looking past access").
/// </para>
/// </summary>
public static class GoalFigures
{
    /// <summary>The project's enrolments, past the reader's access: only for aggregate figures.</summary>
    internal static IQueryable<Enrolment> EnrolmentsOf(BrobyggeDb db, Guid projectId)
        => db.BeyondAccess<Enrolment>().Where(e => e.ProjectId == projectId);

    // Where a date falls against the period: not yet (or never), before its start, or within it.
    private const int NotYet = 0, Before = 1, Within = 2;

    public static async Task<Indicators> ComputeAsync(BrobyggeDb db, Guid projectId, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var from = period.From ?? DateOnly.MinValue;
        var to = period.To;
        // Planned is not held: activities count only once held, and the milestones already read only held ones.
        // Only the latest period's six-month follow-up stands on the enrolment, so one superseded by a re-entry never counts.
        var groups = await EnrolmentsOf(db, projectId)
            .Where(e => e.EnrolledOn <= to)
            .GroupBy(e => new
            {
                Gender = e.GenderAtEntry,
                Enrolled = e.EnrolledOn >= from,
                Mapped = e.MappedOn == null || e.MappedOn > to ? NotYet : e.MappedOn < from ? Before : Within,
                Activity = e.FirstActivityOn == null || e.FirstActivityOn > to ? NotYet : e.FirstActivityOn < from ? Before : Within,
                Internship = e.FirstInternshipOn == null || e.FirstInternshipOn > to ? NotYet : e.FirstInternshipOn < from ? Before : Within,
                Job = e.FirstJobOn == null || e.FirstJobOn > to ? NotYet : e.FirstJobOn < from ? Before : Within,
                Studies = e.FirstStudiesOn == null || e.FirstStudiesOn > to ? NotYet : e.FirstStudiesOn < from ? Before : Within,
                // The status only where the follow-up falls in the period, so the groups stay few.
                FollowUp = e.FollowUp6mOn != null && e.FollowUp6mOn >= from && e.FollowUp6mOn <= to ? e.FollowUp6mStatus : null,
            })
            .Select(g => new Group(g.Key.Gender, g.Key.Enrolled, g.Key.Mapped, g.Key.Activity, g.Key.Internship, g.Key.Job, g.Key.Studies, g.Key.FollowUp, g.Count()))
            .ToListAsync(cancellationToken);
        var withPlan = await WithPlanAsync(db, projectId, period, cancellationToken);
        return Sum(groups, withPlan);
    }

    /// <summary>One group of enrolments that count alike (the milestones are <see cref="NotYet"/>, <see cref="Before"/>
    /// or <see cref="Within"/> the period).</summary>
    internal sealed record Group(Gender Gender, bool Enrolled, int Mapped, int Activity, int Internship, int Job, int Studies, FollowUpStatus? FollowUp, int Count);

    internal static Indicators Sum(IEnumerable<Group> groups, GenderCounts withPlan)
    {
        var participants = GenderCounts.Zero;
        var mapped = GenderCounts.Zero;
        var inActivity = GenderCounts.Zero;
        var internship = GenderCounts.Zero;
        var employed = GenderCounts.Zero;
        var studying = GenderCounts.Zero;
        var employedOrInternship = GenderCounts.Zero;
        var employedOrStudying = GenderCounts.Zero;
        var retained = GenderCounts.Zero;
        var followedUp = GenderCounts.Zero;
        var unreached = GenderCounts.Zero;
        foreach (var g in groups)
        {
            if (g.Enrolled)
                participants = participants.Add(g.Gender, g.Count);
            if (g.Mapped == Within)
                mapped = mapped.Add(g.Gender, g.Count);
            if (g.Activity == Within)
                inActivity = inActivity.Add(g.Gender, g.Count);
            if (g.Internship == Within)
                internship = internship.Add(g.Gender, g.Count);
            if (g.Job == Within)
                employed = employed.Add(g.Gender, g.Count);
            if (g.Studies == Within)
                studying = studying.Add(g.Gender, g.Count);
            if (g.Job == Within || g.Internship == Within)
                employedOrInternship = employedOrInternship.Add(g.Gender, g.Count);
            if (g.Job == Within || g.Studies == Within)
                employedOrStudying = employedOrStudying.Add(g.Gender, g.Count);
            // Retention is counted among the participants employed by the end of the period.
            if (g.Job != NotYet)
            {
                if (g.FollowUp is FollowUpStatus.Employed or FollowUpStatus.Studying or FollowUpStatus.NotEmployed)
                    followedUp = followedUp.Add(g.Gender, g.Count);
                if (g.FollowUp is FollowUpStatus.Employed)
                    retained = retained.Add(g.Gender, g.Count);
                if (g.FollowUp is FollowUpStatus.Unreached)
                    unreached = unreached.Add(g.Gender, g.Count);
            }
        }
        return new Indicators(participants, mapped, withPlan, inActivity, internship, employed, studying, employedOrInternship,
            employedOrStudying, retained,
            Retention.Of(retained.Total, followedUp.Total, unreached.Total),
            new RetentionByGender(
                Retention.Of(retained.Women, followedUp.Women, unreached.Women),
                Retention.Of(retained.Men, followedUp.Men, unreached.Men),
                Retention.Of(retained.NonBinary, followedUp.NonBinary, unreached.NonBinary)));
    }

    /// <summary>
    /// Participants with a plan: the first step of their plan (not cancelled) entered by the end of the period (a range:
    /// within it). Plan steps have no date of their own beyond when they were entered, so the instant they were recorded
    /// (UTC) decides.
    /// </summary>
    private static async Task<GenderCounts> WithPlanAsync(BrobyggeDb db, Guid projectId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var end = period.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var start = (period.From ?? DateOnly.MinValue).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var steps = db.PlanSteps.Where(s => s.Status != PlanStepStatus.Cancelled);
        var firsts = EnrolmentsOf(db, projectId)
            .Where(e => e.EnrolledOn <= period.To)
            .Select(e => new { e.GenderAtEntry, First = steps.Where(s => s.EnrolmentId == e.Id).Min(s => (DateTime?)s.RecordedAt) })
            .Where(e => e.First != null && e.First < end);
        if (period.IsRange)
            firsts = firsts.Where(e => e.First >= start);
        var counts = await firsts.GroupBy(e => e.GenderAtEntry).Select(g => new { Gender = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.Aggregate(GenderCounts.Zero, (sum, c) => sum.Add(c.Gender, c.Count));
    }
}
