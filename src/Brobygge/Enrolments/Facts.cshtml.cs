using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Enrolments;

/// <summary>Corrects an enrolment's facts at entry (<see cref="EntryFactsOperations.CorrectAsync"/>): the one way to
/// change them once the person is enrolled, audited like every write.</summary>
public sealed class FactsModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public EntryFactsInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        Input = EntryFactsInput.From(await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == enrolmentId, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        return await SaveAsync(problems => EntryFactsOperations.CorrectAsync(db, enrolmentId, Input, problems, cancellationToken),
            Header.PersonId, "The facts at entry were corrected.");
    }
}
