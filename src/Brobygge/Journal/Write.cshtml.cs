using Brobygge.Enrolments;
using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Journal;

/// <summary>A new note in the participant's journal.</summary>
public sealed class WriteModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public JournalInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        Input.WrittenOn = time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        return await this.SaveAsync(problems => JournalOperations.WriteAsync(db, EnrolmentId, Input, time.Today(), problems, cancellationToken),
            "The note was saved in the journal.", _ => Form.ToParticipant(Header.PersonId));
    }
}
