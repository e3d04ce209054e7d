using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Localization;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Reports;

/// <summary>One project's dashboard: its report as of today and the charts drawn from it.</summary>
public sealed record ProjectDashboard(Guid ProjectId, GoalReport Report, IReadOnlyList<GoalFigure> OverallGoals, string? GoalsChart, string FunnelChart,
    string RetentionChart, string SeriesChart);

/// <summary>
/// The project manager's part of the start page (issue 13, point 4): per project, goals against actual, the funnel,
/// retention at six months and the monthly series, each as a chart drawn on the server with its figures in a table
/// beside it. Rendered from Index.cshtml; shows nothing to other roles.
/// </summary>
public sealed class ProjectDashboardViewComponent(BrobyggeDb db, TimeProvider time, IStringLocalizer<SharedResource> t) : ViewComponent
{
    /// <summary>More projects than this and the start page gets slow; the report page shows the others.</summary>
    private const int MaxProjects = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!db.Scope.Roles.Contains(Roles.ProjectManager))
            return Content("");
        var cancellationToken = HttpContext.RequestAborted;
        var projects = await ReportAccess.ReportableProjects(db).AsNoTracking().OrderBy(p => p.Name).Take(MaxProjects).ToListAsync(cancellationToken);
        var dashboards = new List<ProjectDashboard>();
        foreach (var project in projects)
        {
            var report = await GoalReports.BuildAsync(db, project, ReportPeriod.AsOf(time.Today()), cancellationToken);
            dashboards.Add(Draw(project.Id, report));
        }
        return View("/Reports/_Dashboard.cshtml", dashboards);
    }

    private ProjectDashboard Draw(Guid projectId, GoalReport report)
    {
        var overall = report.Goals.Where(g => g.Gender is null).ToList();
        var goals = overall.Count == 0 ? null : Charts.Bars(t["Goals against actual, {0}", report.ProjectName],
            overall.Select(g => t[ReportLabels.Of(g.Indicator)].Value).ToList(),
            [new ChartSeries(t["Target"], overall.Select(g => (double)g.Target).ToList()), new ChartSeries(t["Actual"], overall.Select(g => (double)g.Actual).ToList())]);
        var steps = report.Funnel.Steps().ToList();
        var funnel = Charts.Bars(t["Funnel, {0}", report.ProjectName], steps.Select(s => t[ReportLabels.Of(s.Step)].Value).ToList(),
            [new ChartSeries(t["Participants"], steps.Select(s => (double)s.Counts.Total).ToList())]);
        var byGender = report.Indicators.RetainedAt6MonthsByGender;
        var retentions = new[] { report.Indicators.RetainedAt6Months, byGender.Women, byGender.Men };
        var retention = Charts.Bars(t["Retention at the six-month follow-up, {0}", report.ProjectName],
            [t["Total"], t["Women"], t["Men"]],
            [
                new ChartSeries(t["Reached"], retentions.Select(r => (double)r.FollowedUp).ToList()),
                new ChartSeries(t["Still employed"], retentions.Select(r => (double)r.Retained).ToList()),
                new ChartSeries(t["Unreached"], retentions.Select(r => (double)r.Unreached).ToList()),
            ]);
        var months = report.Monthly.Select(m => m.Month).ToList();
        var series = Charts.Lines(t["Month by month, {0}", report.ProjectName], months,
            [
                new ChartSeries(t["Participants"], report.Monthly.Select(m => (double)m.Indicators.Participants.Total).ToList()),
                new ChartSeries(t["Employed"], report.Monthly.Select(m => (double)m.Indicators.Employed.Total).ToList()),
                new ChartSeries(t["Studying"], report.Monthly.Select(m => (double)m.Indicators.Studying.Total).ToList()),
            ]);
        return new ProjectDashboard(projectId, report, overall, goals, funnel, retention, series);
    }
}
