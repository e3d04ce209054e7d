using System.Globalization;
using Brobygge.Contacts;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>A goal against its actual figure. <see cref="Gender"/> is null for the goal that counts everyone.</summary>
public sealed record GoalFigure(string Indicator, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Gender, int Target, int Actual, double? PercentOfTarget);

/// <summary>Contacts → enrolled → mapped → in activity → internship → employed, as of the report's end date (a funnel
/// narrows, so it is always cumulative, also for a range).</summary>
public sealed record Funnel(GenderCounts Contacts, GenderCounts Enrolled, GenderCounts Mapped, GenderCounts InActivity, GenderCounts Internship, GenderCounts Employed)
{
    public IEnumerable<(string Step, GenderCounts Counts)> Steps()
    {
        yield return ("contacts", Contacts);
        yield return ("enrolled", Enrolled);
        yield return ("mapped", Mapped);
        yield return ("in_activity", InActivity);
        yield return ("internship", Internship);
        yield return ("employed", Employed);
    }
}

/// <summary>How many participants had their first job within each span after enrolment.</summary>
public sealed record TimeBand(string Band, int Count);

/// <summary>Days from enrolment to the first job, for those whose first job falls in the period.</summary>
public sealed record TimeToFirstJob(int Count, double? MedianDays, IReadOnlyList<TimeBand> Distribution);

/// <summary>Participants active on the report's end date with a current assignment to the staff member.</summary>
public sealed record Caseload(Guid StaffId, string Staff, int Participants);

/// <summary>The indicators as of one month's end (or the report's end date, for its last month).</summary>
public sealed record MonthFigures(string Month, DateOnly AsOf, Indicators Indicators);

/// <summary>The goal report (issue 13, PRODUCT.md "Reports" point 1): the JSON keeps project, asOf, goals and
/// indicators in the shape funders were promised; the rest is added.</summary>
public sealed record GoalReport(
    string Project,
    string ProjectName,
    DateOnly AsOf,
    DateOnly? From,
    IReadOnlyList<GoalFigure> Goals,
    Indicators Indicators,
    Funnel Funnel,
    TimeToFirstJob TimeToFirstJob,
    GenderCounts Active,
    IReadOnlyList<Caseload> Caseloads,
    IReadOnlyList<MonthFigures> Monthly);

public static class GoalReports
{
    /// <summary>The time bands of the distribution of time to first job, in months after enrolment.</summary>
    public static readonly IReadOnlyList<(string Band, int FromMonths, int? ToMonths)> Bands =
        [("0-3 months", 0, 3), ("3-6 months", 3, 6), ("6-12 months", 6, 12), ("12+ months", 12, null)];

    /// <summary>The whole report. The caller has decided that the reader may see this project's figures.</summary>
    public static async Task<GoalReport> BuildAsync(BrobyggeDb db, Project project, ReportPeriod period, CancellationToken cancellationToken = default)
    {
        var indicators = await GoalFigures.ComputeAsync(db, project.Id, period, cancellationToken);
        var cumulative = period.IsRange ? await GoalFigures.ComputeAsync(db, project.Id, ReportPeriod.AsOf(period.To), cancellationToken) : indicators;
        var goals = await db.Goals.Where(g => g.ProjectId == project.Id).ToListAsync(cancellationToken);
        return new GoalReport(
            project.Code,
            project.Name,
            period.To,
            period.From,
            GoalsAgainst(goals, indicators),
            indicators,
            await FunnelAsync(db, project.Id, period.To, cumulative, cancellationToken),
            await TimeToFirstJobAsync(db, project.Id, period, cancellationToken),
            await ActiveAsync(db, project.Id, period.To, cancellationToken),
            await CaseloadsAsync(db, project.Id, period.To, cancellationToken),
            await MonthlyAsync(db, project, period, cancellationToken));
    }

    /// <summary>Each goal's target and actual, the goals for everyone first, then by gender, in the indicators' order.</summary>
    public static List<GoalFigure> GoalsAgainst(IEnumerable<Goal> goals, Indicators indicators)
        => goals
            .OrderBy(g => Order(g.Indicator)).ThenBy(g => g.Gender is null ? -1 : (int)g.Gender.Value)
            .Select(g =>
            {
                var actual = indicators.For(g.Indicator).Of(g.Gender);
                return new GoalFigure(GoalIndicators.NameOf(g.Indicator), g.Gender is { } gender ? GenderNames.NameOf(gender) : null, g.Target, actual,
                    g.Target == 0 ? null : Math.Round(100.0 * actual / g.Target, 1));
            })
            .ToList();

    /// <summary>The indicators in the order the report lists them (that of <see cref="GoalIndicators.ByName"/>).</summary>
    public static int Order(GoalIndicator indicator) => GoalIndicators.ByName.Values.ToList().IndexOf(indicator);

    private static async Task<Funnel> FunnelAsync(BrobyggeDb db, Guid projectId, DateOnly asOf, Indicators indicators, CancellationToken cancellationToken)
    {
        // Contacts: everyone enrolled, and the persons met in the project's outreach but not enrolled by then. Those have
        // no facts at entry, so their gender is the person's.
        var enrolments = GoalFigures.EnrolmentsOf(db, projectId);
        var notEnrolled = await db.BeyondAccess<Contact>()
            .Where(c => c.ProjectId == projectId && c.ContactedOn <= asOf && !enrolments.Any(e => e.PersonId == c.PersonId && e.EnrolledOn <= asOf))
            .Select(c => new { c.PersonId, c.Person!.Gender })
            .Distinct()
            .GroupBy(c => c.Gender)
            .Select(g => new { Gender = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var contacts = notEnrolled.Aggregate(indicators.Participants, (sum, c) => sum.Add(c.Gender, c.Count));
        return new Funnel(contacts, indicators.Participants, indicators.Mapped, indicators.InActivity, indicators.Internship, indicators.Employed);
    }

    private static async Task<TimeToFirstJob> TimeToFirstJobAsync(BrobyggeDb db, Guid projectId, ReportPeriod period, CancellationToken cancellationToken)
    {
        var from = period.From ?? DateOnly.MinValue;
        var pairs = await GoalFigures.EnrolmentsOf(db, projectId)
            .Where(e => e.EnrolledOn <= period.To && e.FirstJobOn != null && e.FirstJobOn >= from && e.FirstJobOn <= period.To)
            .GroupBy(e => new { e.EnrolledOn, FirstJobOn = e.FirstJobOn!.Value })
            .Select(g => new { g.Key.EnrolledOn, g.Key.FirstJobOn, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var days = pairs.Select(p => (Days: Math.Max(0, p.FirstJobOn.DayNumber - p.EnrolledOn.DayNumber), p.Count)).OrderBy(p => p.Days).ToList();
        var count = days.Sum(d => d.Count);
        var bands = Bands.Select(band => new TimeBand(band.Band, pairs
            .Where(p => p.FirstJobOn >= p.EnrolledOn.AddMonths(band.FromMonths) && (band.ToMonths is not { } until || p.FirstJobOn < p.EnrolledOn.AddMonths(until)))
            .Sum(p => p.Count))).ToList();
        // A job dated before the enrolment (a job the participant already had) falls in the first band.
        bands[0] = bands[0] with { Count = bands[0].Count + pairs.Where(p => p.FirstJobOn < p.EnrolledOn).Sum(p => p.Count) };
        return new TimeToFirstJob(count, Median(days, count), bands);
    }

    private static double? Median(List<(int Days, int Count)> sorted, int count)
    {
        if (count == 0)
            return null;
        int? Nth(int n)
        {
            var seen = 0;
            foreach (var (d, c) in sorted)
                if ((seen += c) > n)
                    return d;
            return null;
        }
        return count % 2 == 1 ? Nth(count / 2) : (Nth(count / 2 - 1)!.Value + Nth(count / 2)!.Value) / 2.0;
    }

    private static async Task<GenderCounts> ActiveAsync(BrobyggeDb db, Guid projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var counts = await GoalFigures.EnrolmentsOf(db, projectId).ActiveOn(asOf)
            .GroupBy(e => e.GenderAtEntry).Select(g => new { Gender = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.Aggregate(GenderCounts.Zero, (sum, c) => sum.Add(c.Gender, c.Count));
    }

    /// <summary>Participants active on the date by the staff member assigned to them on that date; names of staff, never
    /// of participants.</summary>
    private static async Task<List<Caseload>> CaseloadsAsync(BrobyggeDb db, Guid projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var active = GoalFigures.EnrolmentsOf(db, projectId).ActiveOn(asOf).Select(e => e.Id);
        var rows = await db.BeyondAccess<Assignment>()
            .Where(a => a.StartedOn <= asOf && (a.EndedOn == null || a.EndedOn >= asOf) && active.Contains(a.EnrolmentId))
            .GroupBy(a => new { a.StaffId, a.Staff!.DisplayName })
            .Select(g => new { g.Key.StaffId, g.Key.DisplayName, Count = g.Select(a => a.EnrolmentId).Distinct().Count() })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new Caseload(r.StaffId, r.DisplayName, r.Count))
            .OrderByDescending(c => c.Participants).ThenBy(c => c.Staff, StringComparer.Ordinal).ToList();
    }

    /// <summary>The indicators as of each month's end from the first month of the project (or of the range) to the
    /// report's end date, which closes the last month.</summary>
    private static async Task<List<MonthFigures>> MonthlyAsync(BrobyggeDb db, Project project, ReportPeriod period, CancellationToken cancellationToken)
    {
        var first = period.From ?? await GoalFigures.EnrolmentsOf(db, project.Id).MinAsync(e => (DateOnly?)e.EnrolledOn, cancellationToken) ?? project.StartsOn;
        if (first > project.StartsOn && period.From is null)
            first = project.StartsOn;
        var months = new List<MonthFigures>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= period.To && months.Count < 240; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1).AddDays(-1);
            if (end > period.To)
                end = period.To;
            months.Add(new MonthFigures(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), end,
                await GoalFigures.ComputeAsync(db, project.Id, ReportPeriod.AsOf(end), cancellationToken)));
        }
        return months;
    }
}
