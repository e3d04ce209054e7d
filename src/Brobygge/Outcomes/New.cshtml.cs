using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Outcomes;

public sealed class NewModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public OutcomeInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        Input.StartedOn = time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        return await this.SaveAsync(problems => OutcomeOperations.RecordAsync(db, EnrolmentId, Input, time.Today(), problems, cancellationToken),
            "The result was saved.", _ => Form.ToParticipant(Header.PersonId));
    }
}
