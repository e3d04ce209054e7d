using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Evaluation;

/// <summary>The evaluator's export: the aggregate tables on the page, and the pseudonymised microdata as CSV or XLSX for
/// the export key given (posted, so the key never stands in a URL or a log).</summary>
public sealed class MicrodataModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid? ProjectId { get; set; }
    [BindProperty] public string? ExportKey { get; set; }
    [BindProperty] public string Format { get; set; } = "csv";

    public List<(string Value, string Label)> Projects { get; private set; } = [];
    public static readonly List<(string Value, string Label)> Formats = [("csv", "CSV"), ("xlsx", "XLSX")];
    public Microdata? Data { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var project = await LoadAsync(cancellationToken);
        if (project is not null)
            Data = await MicrodataExport.BuildAsync(db, project, null, time.Today(), cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var project = await LoadAsync(cancellationToken);
        if (ProjectId is null)
            this.Problem(nameof(ProjectId), "Choose one of your projects.");
        if (MicrodataExport.KeyProblem(ExportKey) is { } problem)
            this.Problem(nameof(ExportKey), problem, MicrodataExport.MinimumKeyLength);
        if (Format is not ("csv" or "xlsx"))
            this.Problem(nameof(Format), "Choose CSV or XLSX.");
        if (project is null || !ModelState.IsValid)
        {
            if (project is not null)
                Data = await MicrodataExport.BuildAsync(db, project, null, time.Today(), cancellationToken);
            return Page();
        }
        var data = await MicrodataExport.BuildAsync(db, project, ExportKey, time.Today(), cancellationToken);
        var name = $"microdata-{project.Code}-{time.Today():yyyy-MM-dd}.{Format}";
        if (Format == "csv")
            return File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(MicrodataExport.Csv(data))).ToArray(), "text/csv; charset=utf-8", name);
        var stream = new MemoryStream();
        MicrodataExport.Xlsx(data, stream);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private async Task<Projects.Project?> LoadAsync(CancellationToken cancellationToken)
    {
        var projects = await ReportAccess.ReportableProjects(db).AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        Projects = projects.Select(p => (p.Id.ToString(), p.Name)).ToList();
        ProjectId ??= projects.Count == 1 ? projects[0].Id : null;
        var project = projects.FirstOrDefault(p => p.Id == ProjectId);
        if (ProjectId is not null && project is null)
            this.Problem(nameof(ProjectId), "Choose one of your projects.");
        return project;
    }
}
