using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Enrolments;

/// <summary>Assigns a coach and a bridge-builder, with suggestions by shared language and caseload.</summary>
public sealed class AssignModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public AssignInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }
    public List<(AssignmentRole Role, IReadOnlyList<StaffSuggestion> Staff)> Suggestions { get; } = [];
    public HashSet<(AssignmentRole, Guid)> Current { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
        => await LoadAsync(enrolmentId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(enrolmentId, cancellationToken))
            return NotFound();
        var result = await SaveAsync(problems => StaffOperations.AssignAsync(db, enrolmentId, Input, Today, problems, cancellationToken), Header!.PersonId, "The assignment was saved.");
        // Someone else assigned first: show who is assigned now, with the version to choose from again.
        if (Conflict && !await LoadAsync(enrolmentId, cancellationToken))
            return NotFound();
        // A coach who hands a participant over no longer sees them: back to the start page instead of a 404.
        if (result is RedirectToPageResult && !await db.Enrolments.AnyAsync(e => e.Id == enrolmentId, cancellationToken))
            return RedirectToPage("/Index");
        return result;
    }

    private async Task<bool> LoadAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return false;
        Suggestions.Clear();
        foreach (var role in Enum.GetValues<AssignmentRole>())
            Suggestions.Add((role, await StaffOperations.SuggestAsync(db, enrolmentId, role, cancellationToken)));
        Current = (await db.Assignments.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId && a.EndedOn == null)
            .Select(a => new { a.Role, a.StaffId }).ToListAsync(cancellationToken)).Select(a => (a.Role, a.StaffId)).ToHashSet();
        return true;
    }
}
