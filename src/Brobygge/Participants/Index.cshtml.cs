using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Localization;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Brobygge.Participants;

/// <summary>The participants the signed-in user may see (the query filters decide which), filtered and sorted as a
/// caseload (<see cref="Caseload"/>), exported to XLSX as shown, with search. The search is posted and its results shown
/// from the post, so an identity number never stands in a URL (history, logs, Referer); a redirect back to a GET would
/// put it there again.</summary>
public sealed class IndexModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel, IFormPage
{
    private const int PageSize = 50;

    /// <summary>Far beyond any caseload; a page number past it (or below 1) shows the first page.</summary>
    public const int MaxPage = 10_000;

    /// <summary>An export holds at most this many rows: a caseload, not the organisation's register.</summary>
    public const int MaxExportRows = 5_000;

    [BindProperty] public string? Q { get; set; }
    /// <summary>Not "page": Razor Pages keeps the page's own path under that route value, and it would win.</summary>
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public CaseloadFilter Filter { get; set; } = new();

    public IReadOnlyList<CaseloadRow> Rows { get; private set; } = [];
    public IReadOnlyList<(string, string)> ProjectChoices { get; private set; } = [];
    public bool HasMore { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanRegister => db.Scope.SeesAssignedParticipants || db.Scope.SeesProjectParticipants;

    public bool IsSearch => !string.IsNullOrWhiteSpace(Q);

    /// <summary>The filter as route values, for the links that keep it (next page, export).</summary>
    public Dictionary<string, string> FilterRoute(int? pageNumber = null) => new()
    {
        ["Filter.Status"] = Filter.Status.ToString(), ["Filter.Project"] = Filter.Project?.ToString() ?? "", ["Filter.NextStep"] = Filter.NextStep.ToString(),
        ["Filter.NoRecentContact"] = Filter.NoRecentContact ? "true" : "false", ["Filter.WithoutCoach"] = Filter.WithoutCoach ? "true" : "false",
        ["Filter.Sort"] = Filter.Sort.ToString(), ["PageNumber"] = (pageNumber ?? PageNumber).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        Q = null;
        return ListAsync(cancellationToken);
    }

    /// <summary>A search looks through every enrolment the user sees, active or not.</summary>
    public Task OnPostAsync(CancellationToken cancellationToken)
    {
        Filter = new CaseloadFilter { Status = CaseloadStatus.All };
        return ModelState.IsValid ? ListAsync(cancellationToken) : ChoicesAsync(cancellationToken);
    }

    /// <summary>The list as filtered and sorted, all pages, as an XLSX workbook; audited like the list shown.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return BadRequest();
        Today = time.Today();
        var rows = await Caseload.Query(db, Filter, Today).Take(MaxExportRows).ToListAsync(cancellationToken);
        await db.RecordListReadAsync(rows.Select(r => r.PersonId), cancellationToken);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [t["First name"]] = r.FirstName, [t["Last name"]] = r.LastName, [t["Birth year"]] = r.BirthYear, [t["Reference"]] = r.Reference,
            [t["Project"]] = r.Project, [t["Enrolled"]] = r.EnrolledOn.Iso(), [t["Exited"]] = r.ExitedOn.Iso(), [t["Coach"]] = r.Coach ?? "",
            [t["Next step"]] = r.NextStep ?? "", [t["Next step due"]] = r.NextStepDueOn.Iso(), [t["Last contact"]] = r.LastContactOn.Iso(),
        }).ToList();
        var file = new MemoryStream();
        await file.SaveAsAsync(sheet, sheetName: t["Participants"], excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        return File(file.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{t["participants (file name)"]}-{Today.Iso()}.xlsx");
    }

    private async Task ChoicesAsync(CancellationToken cancellationToken)
        => ProjectChoices = (await db.MyProjects().AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken))
            .Select(p => (p.Id.ToString(), p.Name)).ToList();

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        await ChoicesAsync(cancellationToken);
        var query = db.Enrolments.AsNoTracking();
        var search = Q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (PersonalIdentityNumber.TryParse(search, Today, out var number, out _))
            {
                var index = await protector.IndexAsync(number, cancellationToken);
                query = query.Where(e => e.Person!.IdentityNumberIndex == index);
            }
            else
            {
                var pattern = search.ToLowerInvariant();
                query = query.Where(e => (e.Person!.FirstName + " " + e.Person.LastName).ToLower().Contains(pattern)
                    || e.Reference.ToLower().Contains(pattern));
            }
        }
        if (PageNumber is < 1 or > MaxPage)
            PageNumber = 1;
        var rows = await Caseload.Query(db, Filter, Today, query)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        await db.RecordListReadAsync(Rows.Select(r => r.PersonId), cancellationToken);
    }
}
