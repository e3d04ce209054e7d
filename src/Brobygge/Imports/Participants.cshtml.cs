using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Imports;

/// <summary>
/// A project manager uploads a file of participants: the page checks it and shows the same report as the command line,
/// and writes nothing until the manager confirms. The confirmation posts the file again (kept in the page, not on the
/// server), and it is checked again before it is written, so nothing changed in between slips through.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxFileBytes, ValueLengthLimit = MaxFileBytes * 2)]
[RequestSizeLimit(MaxFileBytes * 3)]
public sealed class ParticipantsModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time) : PageModel, IFormPage
{
    /// <summary>A project's whole history fits easily; the command line takes larger files.</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    [BindProperty]
    public Guid? ProjectId { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    /// <summary>The checked file, carried to the confirmation (base64).</summary>
    [BindProperty]
    public string? FileContent { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public List<(string Value, string Label)> Projects { get; private set; } = [];
    public ImportResult? Result { get; private set; }
    public List<string> Report { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadProjectsAsync(cancellationToken);

    /// <summary>Checks the uploaded file and shows the report; writes nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadProjectsAsync(cancellationToken);
        var project = await ProjectAsync(cancellationToken);
        if (Upload is null || Upload.Length == 0)
            this.Problem(nameof(Upload), "Choose a CSV or XLSX file.");
        else if (Upload.Length > MaxFileBytes)
            this.Problem(nameof(Upload), "The file is larger than {0} MB; import it on the command line.", MaxFileBytes / 1024 / 1024);
        if (project is null || !ModelState.IsValid)
            return Page();
        using var buffer = new MemoryStream();
        await Upload!.CopyToAsync(buffer, cancellationToken);
        FileName = Path.GetFileName(Upload.FileName);
        FileContent = Convert.ToBase64String(buffer.ToArray());
        await RunAsync(project, buffer.ToArray(), dryRun: true, cancellationToken);
        return Page();
    }

    /// <summary>Imports the file the manager saw checked, checking it again first.</summary>
    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        await LoadProjectsAsync(cancellationToken);
        var project = await ProjectAsync(cancellationToken);
        byte[]? bytes = null;
        try
        {
            bytes = FileContent is null ? null : Convert.FromBase64String(FileContent);
        }
        catch (FormatException)
        {
        }
        if (bytes is null)
            this.Problem(nameof(Upload), "Choose a CSV or XLSX file.");
        if (project is null || !ModelState.IsValid)
            return Page();
        await RunAsync(project, bytes!, dryRun: false, cancellationToken);
        if (Result is { Written: true })
            FileContent = null;
        return Page();
    }

    private async Task RunAsync(Project project, byte[] bytes, bool dryRun, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(bytes);
        var table = ImportFile.Read(stream, FileName ?? "");
        Result = await ParticipantImport.RunAsync(db, protector, project, table, time.Today(), dryRun, cancellationToken);
        var t = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        Report = Result.Problems.Select(problem => problem.Describe((reason, arguments) => t[reason, arguments].Value)).ToList();
    }

    private async Task<Project?> ProjectAsync(CancellationToken cancellationToken)
    {
        var project = ProjectId is { } id ? await db.MyProjects().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) : null;
        if (project is null)
            this.Problem(nameof(ProjectId), ProjectId is null ? "Choose a project." : "Choose one of your projects.");
        return project;
    }

    private async Task LoadProjectsAsync(CancellationToken cancellationToken)
        => Projects = (await db.MyProjects().OrderBy(p => p.Name).Select(p => new { p.Id, p.Code, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id.ToString(), $"{p.Name} ({p.Code})")).ToList();
}
