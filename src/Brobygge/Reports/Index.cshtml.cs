using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>The goal report of a project as of a day or for a range, with its CSV and XLSX downloads. A form that only
/// reads (GET), so it takes no post.</summary>
public sealed class IndexModel(BrobyggeDb db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? ProjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? AsOf { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public List<(string Value, string Label)> Projects { get; private set; } = [];
    public GoalReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Report = await BuildAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
        => await BuildAsync(cancellationToken) is { } report
            ? File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(ReportFormats.ToCsv(report))).ToArray(),
                "text/csv; charset=utf-8", $"{report.Project}-{ReportFormats.Iso(report.AsOf)}.csv")
            : Page();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        if (await BuildAsync(cancellationToken) is not { } report)
            return Page();
        using var stream = new MemoryStream();
        await ReportFormats.WriteXlsxAsync(report, stream, cancellationToken);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{report.Project}-{ReportFormats.Iso(report.AsOf)}.xlsx");
    }

    /// <summary>The query string's period and project, each problem next to its field; the first project by default.</summary>
    private async Task<GoalReport?> BuildAsync(CancellationToken cancellationToken)
    {
        var projects = await ReportAccess.ReportableProjects(db).AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Projects = projects.Select(p => (p.Id.ToString(), p.Name)).ToList();
        if (!ModelState.IsValid || projects.Count == 0)
            return null;
        var project = projects.FirstOrDefault(p => p.Id == (ProjectId ?? projects[0].Id));
        if (project is null)
        {
            this.Problem(nameof(ProjectId), "Choose one of your projects.");
            return null;
        }
        ProjectId = project.Id;
        var problems = new Problems();
        var period = ReportPeriodInput.Check(AsOf, From, To, time.Today(), problems, nameof(AsOf), nameof(From), nameof(To));
        if (period is null)
        {
            foreach (var (field, messages) in problems.ByField)
                foreach (var message in messages)
                    this.Problem(field, message);
            return null;
        }
        if (!period.IsRange)
            AsOf = period.To;
        return await GoalReports.BuildAsync(db, project, period, cancellationToken);
    }
}
