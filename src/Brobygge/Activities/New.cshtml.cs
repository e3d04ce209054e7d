using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Activities;

public sealed class NewModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public ActivityInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    /// <summary>"Start an internship" links here with ?kind=Internship.</summary>
    public async Task OnGetAsync(ActivityKind? kind, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        // A link with a kind that is no kind leaves the choice empty; there is nothing to correct yet.
        ModelState.Clear();
        Input.Kind = kind;
        Input.Status = ActivityStatus.Held;
        Input.OccurredOn = time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        return await this.SaveAsync(problems => ActivityOperations.AddAsync(db, EnrolmentId, Input, time.Today(), problems, cancellationToken),
            "The activity was saved.", _ => Form.ToParticipant(Header.PersonId));
    }
}
