using Brobygge.Data;
using Brobygge.Forms;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>Enrols a contact (or re-enrols a former participant) in one of the user's projects.</summary>
public sealed class CreateModel(BrobyggeDb db, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty(SupportsGet = true)] public Guid PersonId { get; set; }
    [BindProperty] public EnrolInput Input { get; set; } = new();
    public string Name { get; private set; } = "";
    public IReadOnlyList<(string, string)> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.EnrolledOn = time.Today();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var person = await LoadAsync(cancellationToken);
        return await this.SaveAsync(problems => EnrolmentOperations.EnrolAsync(db, person, Input, time.Today(), problems, cancellationToken),
            "The person was enrolled.", _ => Form.ToParticipant(person.Id));
    }

    private async Task<Person> LoadAsync(CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == PersonId, cancellationToken) ?? throw new NotFoundException("The person");
        Name = person.FullName;
        var contactProject = await db.Contacts.Where(c => c.PersonId == PersonId).OrderByDescending(c => c.ContactedOn).Select(c => (Guid?)c.ProjectId).FirstOrDefaultAsync(cancellationToken);
        Projects = (await db.MyProjects().AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync(cancellationToken)).Select(p => (p.Id.ToString(), p.Name)).ToList();
        Input.ProjectId ??= contactProject;
        return person;
    }
}
