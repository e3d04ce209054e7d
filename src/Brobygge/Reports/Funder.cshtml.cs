using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Reports.Funders;
using Brobygge.Reports.Snapshots;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports;

/// <summary>
/// The funder report of a project as of a date (project managers and evaluators of the project). A project manager
/// keeps the report sent to the funder as a snapshot; the report re-run shows, beside each figure that moved since,
/// the records that moved it. Evaluators see the figures only.
/// </summary>
public sealed class FunderModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid? ProjectId { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? AsOf { get; set; }

    public List<(string Value, string Label)> Projects { get; private set; } = [];
    public FunderReportResult? Report { get; private set; }
    public SnapshotComparison? Comparison { get; private set; }
    public ReportSnapshot? Snapshot { get; private set; }
    public string? SnapshotBy { get; private set; }

    /// <summary>Only project managers keep snapshots and see which records moved a figure (they name participants' references).</summary>
    public bool ManagesProject => db.Scope.SeesProjectParticipants;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Report is null ? Page() : File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(FunderReportFormats.Csv(Report, Comparison))).ToArray(),
            "text/csv; charset=utf-8", FileName("csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Report is null)
            return Page();
        var stream = new MemoryStream();
        FunderReportFormats.Xlsx(Report, Comparison, stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName("xlsx"));
    }

    /// <summary>Keeps the report as it stands now as the one sent to the funder.</summary>
    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken cancellationToken)
    {
        if (!ManagesProject)
            return Forbid();
        await LoadAsync(cancellationToken);
        if (Report is null)
            return Page();
        await ReportSnapshots.SaveAsync(db, db.Scope.OrganisationId, Report.ProjectId, SnapshotKinds.Funder, Report.AsOf, Report.DefinitionsVersion,
            Report.Flatten(), time.GetUtcNow().UtcDateTime, cancellationToken);
        return this.Saved("The report was kept as a snapshot.", new RedirectToPageResult("/Reports/Funder", new { ProjectId, AsOf = Report.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) }));
    }

    private string FileName(string extension) => $"funder-report-{Report!.ProjectCode}-{Report.AsOf:yyyy-MM-dd}.{extension}";

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var projects = await ReportAccess.ReportableProjects(db).AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Projects = projects.Select(p => (p.Id.ToString(), p.Name)).ToList();
        ProjectId ??= projects.Count == 1 ? projects[0].Id : null;
        if (!ModelState.IsValid || ProjectId is null)
            return;
        var project = projects.FirstOrDefault(p => p.Id == ProjectId);
        if (project is null)
        {
            this.Problem(nameof(ProjectId), "Choose one of your projects.");
            return;
        }
        var asOf = AsOf ?? time.Today();
        if (!InputRules.IsPlausible(asOf, time.Today()))
        {
            InputRules.CheckDate(asOf, nameof(AsOf), time.Today(), (field, message, arguments) => this.Problem(field, message, arguments));
            return;
        }
        AsOf = asOf;
        Report = await FunderReports.ComputeAsync(db, project, asOf, cancellationToken);
        if (!ManagesProject)
            return;
        Snapshot = await ReportSnapshots.LatestAsync(db, project.Id, SnapshotKinds.Funder, asOf, cancellationToken);
        if (Snapshot is null)
            return;
        Comparison = await ReportSnapshots.CompareAsync(db, Snapshot, Report.Flatten(), cancellationToken);
        SnapshotBy = Snapshot.MadeById is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) : null;
    }
}
