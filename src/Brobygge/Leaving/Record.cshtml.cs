using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Leaving;

/// <summary>Records a situation upon leaving; reached from the participant's page once the participant has left.</summary>
public sealed class RecordModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public LeavingInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        Input.On = Header.ExitedOn;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        return await this.SaveAsync(problems => LeavingOperations.RecordAsync(db, EnrolmentId, Input, time.Today(), time.GetUtcNow().UtcDateTime, problems, cancellationToken),
            "The situation upon leaving was saved.", _ => Form.ToParticipant(Header.PersonId));
    }
}
