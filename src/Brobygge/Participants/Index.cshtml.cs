using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>The participants the signed-in user may see (the query filters decide which), with search. The search
/// is posted and its results shown from the post, so an identity number never stands in a URL (history, logs,
/// Referer); a redirect back to a GET would put it there again.</summary>
public sealed class IndexModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time) : PageModel, IFormPage
{
    private const int PageSize = 50;

    /// <summary>Far beyond any caseload; a page number past it (or below 1) shows the first page.</summary>
    public const int MaxPage = 10_000;

    [BindProperty] public string? Q { get; set; }
    /// <summary>Not "page": Razor Pages keeps the page's own path under that route value, and it would win.</summary>
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool HasMore { get; private set; }
    public bool CanRegister => db.Scope.SeesAssignedParticipants || db.Scope.SeesProjectParticipants;

    public sealed record Row(Guid PersonId, string Name, string Reference, string Project, DateOnly EnrolledOn, DateOnly? ExitedOn, string? Coach);

    public bool IsSearch => !string.IsNullOrWhiteSpace(Q);

    public Task OnGetAsync(CancellationToken cancellationToken)
    {
        Q = null;
        return ListAsync(cancellationToken);
    }

    public Task OnPostAsync(CancellationToken cancellationToken)
        => ModelState.IsValid ? ListAsync(cancellationToken) : Task.CompletedTask;

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var query = db.Enrolments.AsNoTracking();
        var search = Q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            var today = time.Today();
            if (PersonalIdentityNumber.TryParse(search, today, out var number, out _))
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
        var rows = await query
            .OrderBy(e => e.Person!.LastName).ThenBy(e => e.Person!.FirstName).ThenBy(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new Row(e.PersonId, e.Person!.FirstName + " " + e.Person.LastName, e.Reference, e.Project!.Name, e.EnrolledOn, e.ExitedOn,
                e.Assignments.Where(a => a.Role == AssignmentRole.Coach && a.EndedOn == null).Select(a => a.Staff!.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        HasMore = rows.Count > PageSize;
        Rows = rows.Take(PageSize).ToList();
        await db.RecordListReadAsync(Rows.Select(r => r.PersonId), cancellationToken);
    }
}
