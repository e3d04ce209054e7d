using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Contacts;

/// <summary>Registers a person met through outreach, with the contact: when, where, in which language, by whom.</summary>
public sealed class CreateModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty] public ParticipantInput Input { get; set; } = new();
    [BindProperty] public ContactInput Contact { get; set; } = new();
    public IReadOnlyList<Project> Projects { get; private set; } = [];
    public IReadOnlyList<(string, string)> BridgeBuilders { get; private set; } = [];

    private DateOnly Today => time.Today();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Contact.ContactedOn = Today;
        Contact.ProjectId = Projects.Count > 0 ? Projects[0].Id : null;
        Contact.BridgeBuilderId = User.IsInRole(Roles.BridgeBuilder) ? db.Scope.UserId : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var number = await Input.ValidateAsync("Input.", (field, message) => this.Problem(field, message), Today, db, protector, personId: null, cancellationToken);
        var problems = new Problems();
        await ContactOperations.CheckAsync(db, Contact, Today, problems, cancellationToken);
        if (!ModelState.IsValid || problems.Any)
            return this.ShowProblems(problems, "Contact.");

        if (await PersonOperations.RegisterAsync(db, protector, Input, number, "Input." + nameof(Input.IdentityNumber), (field, message) => this.Problem(field, message),
                async person => await ContactOperations.RegisterAsync(db, person, Contact, cancellationToken), cancellationToken) is not var (person, _))
            return Page();
        return this.Saved("The contact was registered.", Form.ToParticipant(person.Id));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Projects = await db.MyProjects().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
        var projectIds = Projects.Select(p => p.Id).ToList();
        var staff = new List<(string, string)>();
        foreach (var project in Projects)
            staff.AddRange((await StaffOperations.StaffOf(db, project.Id, Roles.BridgeBuilder).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                .Select(u => (u.Id.ToString(), u.DisplayName)));
        BridgeBuilders = staff.Distinct().OrderBy(s => s.Item2, StringComparer.CurrentCulture).ToList();
    }
}
