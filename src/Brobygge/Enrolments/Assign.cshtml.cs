using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Enrolments;

/// <summary>Assigns a coach and a bridge-builder, with suggestions by shared language and caseload. Each role has its
/// own small form; all carry the enrolment's version, which every assignment renews.</summary>
public sealed class AssignModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public AssignInput Input { get; set; } = new();

    /// <summary>Ticked by a coach or bridge-builder who hands their own participant over, knowing their access ends.</summary>
    [BindProperty] public bool ConfirmHandOver { get; set; }
    public EnrolmentHeader Header { get; private set; } = null!;
    public List<(AssignmentRole Role, IReadOnlyList<StaffSuggestion> Staff)> Suggestions { get; } = [];
    public HashSet<(AssignmentRole Role, Guid StaffId)> Current { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        if (Input.Role is { } handedRole && Input.StaffId is { } chosen && chosen != db.Scope.UserId && !ConfirmHandOver)
        {
            await ShowSuggestionsAsync(cancellationToken);
            if (EndsMyAccess(handedRole))
            {
                this.Problem(nameof(ConfirmHandOver), "Handing the participant over ends your access to them: tick the box to confirm.");
                return Page();
            }
        }
        var result = await this.SaveAsync(problems => StaffOperations.AssignAsync(db, EnrolmentId, Input, time.Today(), problems, cancellationToken),
            "The assignment was saved.", _ => Form.ToParticipant(Header.PersonId));
        // A coach who hands a participant over no longer sees them: back to the start page instead of a 404.
        if (result is RedirectToPageResult && !await db.Enrolments.AnyAsync(e => e.Id == EnrolmentId, cancellationToken))
            return RedirectToPage("/Index");
        if (result is PageResult)
            await ShowSuggestionsAsync(cancellationToken);
        return result;
    }

    /// <summary>Who is assigned now, with the version to choose from again.</summary>
    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        Input.Version = Header.Version;
        await ShowSuggestionsAsync(cancellationToken);
    }

    /// <summary>A role's choices: each suggested colleague with their caseload and the languages they share.</summary>
    public IEnumerable<(string, string)> Choices(IReadOnlyList<StaffSuggestion> staff) => staff.Select(s => (s.Id.ToString(),
        $"{s.Name} — {t["caseload {0}", s.Caseload]}" + (s.SharedLanguages.Count > 0 ? " — " + t["speaks {0}", Brobygge.Codes.Languages.Names(s.SharedLanguages)] : "")));

    /// <summary>Whether assigning someone else in this role takes the participant from the signed-in user: they hold
    /// the role now and no other assignment to the participant (a project manager sees the project's participants
    /// whatever the assignments).</summary>
    public bool EndsMyAccess(AssignmentRole role)
        => !db.Scope.SeesProjectParticipants && Current.Contains((role, db.Scope.UserId)) && !Current.Any(c => c.StaffId == db.Scope.UserId && c.Role != role);

    public Guid? CurrentStaff(AssignmentRole role) => Current.Where(c => c.Role == role).Select(c => (Guid?)c.StaffId).FirstOrDefault();

    private async Task ShowSuggestionsAsync(CancellationToken cancellationToken)
    {
        Suggestions.Clear();
        foreach (var role in Enum.GetValues<AssignmentRole>())
            Suggestions.Add((role, await StaffOperations.SuggestAsync(db, EnrolmentId, role, cancellationToken)));
        Current = (await db.Assignments.AsNoTracking().Where(a => a.EnrolmentId == EnrolmentId && a.EndedOn == null)
            .Select(a => new { a.Role, a.StaffId }).ToListAsync(cancellationToken)).Select(a => (a.Role, a.StaffId)).ToHashSet();
    }
}
