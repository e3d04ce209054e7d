using Brobygge.Data;
using Brobygge.Forms;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Consents;

/// <summary>Records a consent given or withdrawn for one purpose; reached from the participant's page.</summary>
public sealed class RecordModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public ConsentInput Input { get; set; } = new();
    public string Name { get; private set; } = "";
    public IReadOnlyList<(string, string)> Partners { get; private set; } = [];
    public IReadOnlyList<ConsentStanding> Standing { get; private set; } = [];

    /// <summary>The number of the participant's latest consent event, which the form posts back.</summary>
    private int Latest { get; set; }

    private DateOnly Today => time.Today();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ShowSavedAsync(cancellationToken);
        Input.On = Today;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ConsentOperations.RecordAsync(db, PersonId, Input, Today, time.GetUtcNow().UtcDateTime, problems, cancellationToken),
            "The consent was recorded.", _ => Form.ToParticipant(PersonId));
    }

    /// <summary>The consents as recorded now; the next try is based on what the other person recorded, the user's
    /// entries kept.</summary>
    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.BasedOn = Latest;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == PersonId).Select(p => new { p.Id, p.FirstName, p.LastName }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The person");
        Name = person.FirstName + " " + person.LastName;
        var events = await ConsentOperations.OfAsync(db, PersonId, cancellationToken);
        Standing = ConsentRules.StandingOn([.. events], Today);
        Partners = (await ConsentOperations.PartnersOfAsync(db, PersonId, cancellationToken)).Select(p => (p.Id.ToString(), p.Name)).ToList();
        Latest = events.Count == 0 ? 0 : events.Max(c => c.Number);
    }
}
