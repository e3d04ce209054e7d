using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Consents;

/// <summary>Records a consent given or withdrawn for one purpose; reached from the participant's page.</summary>
public sealed class RecordModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    private readonly TimeProvider _time = time;

    [BindProperty] public ConsentInput Input { get; set; } = new();
    public Guid PersonId { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<(string, string)> Partners { get; private set; } = [];
    public IReadOnlyList<ConsentStanding> Standing { get; private set; } = [];

    /// <summary>The number of the participant's latest consent event, which the form posts back.</summary>
    private int Latest { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(personId, cancellationToken))
            return NotFound();
        Input.On = Today;
        Input.BasedOn = Latest;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(personId, cancellationToken))
            return NotFound();
        var result = await SaveAsync(problems => ConsentOperations.RecordAsync(db, personId, Input, Today, _time.GetUtcNow().UtcDateTime, problems, cancellationToken),
            personId, "The consent was recorded.");
        if (Conflict && await LoadAsync(personId, cancellationToken))
            Input.BasedOn = Latest; // the next try is based on what the other person recorded
        return result;
    }

    private async Task<bool> LoadAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.Id, p.FirstName, p.LastName }).SingleOrDefaultAsync(cancellationToken);
        if (person is null)
            return false;
        PersonId = person.Id;
        Name = person.FirstName + " " + person.LastName;
        var events = await ConsentOperations.OfAsync(db, personId, cancellationToken);
        Standing = ConsentRules.StandingOn([.. events], Today);
        Partners = (await ConsentOperations.PartnersOfAsync(db, personId, cancellationToken)).Select(p => (p.Id.ToString(), p.Name)).ToList();
        Latest = events.Count == 0 ? 0 : events.Max(c => c.Number);
        return true;
    }
}
