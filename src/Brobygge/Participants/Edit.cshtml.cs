using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>Edits a person. The version read with the form guards the save: if someone saved in between, nothing is
/// overwritten, the user's entries stay and the other person's version stands beside them.</summary>
public sealed class EditModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ParticipantInput Input { get; set; } = new();
    [BindProperty] public Guid Version { get; set; }
    public string Name { get; private set; } = "";

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == Id, cancellationToken) ?? throw new NotFoundException("The person");
        Name = person.FullName;
        var number = await Input.ValidateAsync("Input.", (field, message) => this.Problem(field, message), time.Today(), db, protector, person.Id, cancellationToken);
        if (!ModelState.IsValid)
            return Page();

        if (!await PersonOperations.UpdateAsync(db, protector, person, Input, number, Version, "Input." + nameof(Input.IdentityNumber), (field, message) => this.Problem(field, message), cancellationToken))
            return Page();
        return this.Saved("The changes were saved.", Form.ToParticipant(person.Id));
    }

    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id, cancellationToken) ?? throw new NotFoundException("The person");
        Name = person.FullName;
        Version = person.Version;
        Input = ParticipantInput.From(person, protector.Reveal(person.IdentityNumberCipher),
            person.LmaNumberCipher is { } lma ? protector.Unprotect(lma) : null);
    }
}
