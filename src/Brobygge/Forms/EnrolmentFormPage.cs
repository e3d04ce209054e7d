using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Brobygge.Forms;

/// <summary>A form that adds something to one enrolment (an activity, a result, the exit): the enrolment
/// must be visible to the user, and a saved form returns to the participant's page.</summary>
public abstract class EnrolmentFormPage<TInput>(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
    where TInput : class, new()
{
    [BindProperty] public TInput Input { get; set; } = new();
    public EnrolmentHeader? Header { get; private set; }

    /// <summary>The message shown on the participant's page after a save.</summary>
    protected abstract string SavedMessage { get; }

    /// <summary>Fills the empty form with sensible defaults.</summary>
    protected abstract void Prefill(EnrolmentHeader header);

    protected abstract Task<object?> WriteAsync(BrobyggeDb db, Guid enrolmentId, Problems problems, CancellationToken cancellationToken);

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        Prefill(Header);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Header = await EnrolmentHeader.LoadAsync(db, enrolmentId, cancellationToken);
        if (Header is null)
            return NotFound();
        return await SaveAsync(problems => WriteAsync(db, enrolmentId, problems, cancellationToken), Header.PersonId, SavedMessage);
    }
}
