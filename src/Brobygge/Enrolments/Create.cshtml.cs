using Brobygge.Data;
using Brobygge.Projects;
using Brobygge.Forms;
using Brobygge.Localization;
using Brobygge.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Enrolments;

/// <summary>Enrols a contact (or re-enrols a former participant) in one of the user's projects.</summary>
public sealed class CreateModel(BrobyggeDb db, IStringLocalizer<SharedResource> t, TimeProvider time) : FormPage(t, time)
{
    [BindProperty] public EnrolInput Input { get; set; } = new();
    public Guid PersonId { get; private set; }
    public string Name { get; private set; } = "";
    public IReadOnlyList<(string, string)> Projects { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid personId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(personId, cancellationToken) is null)
            return NotFound();
        Input.EnrolledOn = Today;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await LoadAsync(personId, cancellationToken);
        if (person is null)
            return NotFound();
        return await SaveAsync(problems => EnrolmentOperations.EnrolAsync(db, person, Input, Today, problems, cancellationToken), person.Id, "The person was enrolled.");
    }

    private async Task<Person?> LoadAsync(Guid personId, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
            return null;
        PersonId = person.Id;
        Name = person.FullName;
        var contactProject = await db.Contacts.Where(c => c.PersonId == personId).OrderByDescending(c => c.ContactedOn).Select(c => (Guid?)c.ProjectId).FirstOrDefaultAsync(cancellationToken);
        Projects = (await db.MyProjects().AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Id.ToString(), p.Name)).ToList();
        Input.ProjectId ??= contactProject;
        return person;
    }
}
