using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Contacts;

/// <summary>Corrects a contact (a wrong date, the wrong bridge-builder), or removes it with a reason; the earlier
/// versions are listed below the form.</summary>
public sealed class EditModel(BrobyggeDb db, TimeProvider time) : PageModel, IVersionedFormPage
{
    [BindProperty(SupportsGet = true)] public Guid ContactId { get; set; }
    [BindProperty] public ContactInput Input { get; set; } = new();
    [BindProperty] public RemovalInput Removal { get; set; } = new();
    public Guid PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public IReadOnlyList<(string, string)> BridgeBuilders { get; private set; } = [];

    /// <summary>The content this contact had before each correction, the latest first.</summary>
    public IReadOnlyList<Contact> Earlier { get; private set; } = [];

    public Task OnGetAsync(CancellationToken cancellationToken) => ShowSavedAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ContactOperations.CorrectAsync(db, ContactId, Input, time.Today(), problems, cancellationToken),
            "The contact was corrected.", _ => Form.ToParticipant(PersonId));
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => ContactOperations.RemoveAsync(db, ContactId, Removal, problems, cancellationToken),
            "The contact was removed.", _ => new RedirectToPageResult("/Contacts/Index"), prefix: "Removal.");
    }

    /// <summary>The contact as saved now, in the correction form and as the version to remove it by.</summary>
    public async Task ShowSavedAsync(CancellationToken cancellationToken)
    {
        var contact = await LoadAsync(cancellationToken);
        Input = new ContactInput
        {
            ContactedOn = contact.ContactedOn, Language = contact.Language, BridgeBuilderId = contact.BridgeBuilderId, Place = contact.Place,
            Notes = contact.Notes, Version = contact.Version,
        };
        Removal = new RemovalInput { Reason = Removal.Reason, Version = contact.Version };
    }

    private async Task<Contact> LoadAsync(CancellationToken cancellationToken)
    {
        var versions = await RecordOperations.VersionsAsync<Contact>(db, ContactId, cancellationToken);
        if (versions is null || versions[0].RemovedAt is not null)
            throw new NotFoundException("The contact");
        var contact = versions[0];
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == contact.PersonId).Select(p => new { p.Id, p.FirstName, p.LastName })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The contact");
        (PersonId, PersonName) = (person.Id, person.FirstName + " " + person.LastName);
        BridgeBuilders = (await StaffOperations.StaffOf(db, contact.ProjectId, Roles.BridgeBuilder).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .OrderBy(u => u.DisplayName, StringComparer.CurrentCulture).Select(u => (u.Id.ToString(), u.DisplayName)).ToList();
        Earlier = versions.Skip(1).ToList();
        return contact;
    }
}
