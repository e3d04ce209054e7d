using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>Corrects an enrolment's facts at entry (<see cref="EntryFactsOperations.CorrectAsync"/>): the one way to
/// change them once the person is enrolled, audited like every write.</summary>
public sealed class FactsModel(BrobyggeDb db) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid EnrolmentId { get; set; }
    [BindProperty] public EntryFactsInput Input { get; set; } = new();
    public EnrolmentHeader Header { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        return await this.SaveAsync(problems => EntryFactsOperations.CorrectAsync(db, EnrolmentId, Input, problems, cancellationToken),
            "The facts at entry were corrected.", _ => Form.ToParticipant(Header.PersonId));
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.FindAsync(db, EnrolmentId, cancellationToken);
        Input = EntryFactsInput.From(await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == EnrolmentId, cancellationToken));
    }
}
