using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Brobygge.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Participants;

/// <summary>Edits a person. The version read with the form guards the save: if someone saved in between,
/// nothing is overwritten and their version is shown.</summary>
public sealed class EditModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ParticipantInput Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public Person? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
            return NotFound();
        Show(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (person is null)
            return NotFound();
        Id = person.Id;
        Name = person.FullName;
        var today = time.Today();
        var number = await Input.ValidateAsync("Input.", AddError, today, db, protector, person.Id, cancellationToken);
        if (!ModelState.IsValid)
            return Page();

        try
        {
            if (!await PersonOperations.UpdateAsync(db, protector, person, Input, number, Version, "Input." + nameof(Input.IdentityNumber), AddError, cancellationToken))
                return Page();
        }
        catch (ConflictException)
        {
            var current = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (current is null)
                return NotFound();
            ModelState.Clear();
            Show(current);
            Conflict = current;
            return Page();
        }
        TempData["Saved"] = "The changes were saved.";
        return RedirectToPage("/Participants/Details", new { id = person.Id });
    }

    private void Show(Person person)
    {
        Id = person.Id;
        Name = person.FullName;
        Version = person.Version;
        Input = ParticipantInput.From(person, protector.Reveal(person.IdentityNumberCipher),
            person.LmaNumberCipher is { } lma ? protector.Unprotect(lma) : null);
    }

    private void AddError(string field, string message) => ModelState.AddModelError(field, t[message]);
}
