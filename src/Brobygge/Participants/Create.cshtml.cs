using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Forms;
using Brobygge.Identity;
using Brobygge.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>Registers a person and enrols them in one of the user's projects; a coach or bridge-builder
/// who registers someone is assigned to them, so the new participant is on their caseload at once.</summary>
public sealed class CreateModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time) : PageModel, IFormPage
{
    [BindProperty] public ParticipantInput Input { get; set; } = new();
    [BindProperty] public EnrolInput Enrolment { get; set; } = new();
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    private DateOnly Today => time.Today();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Projects = await MyProjectsAsync(cancellationToken);
        Enrolment.EnrolledOn = Today;
        Enrolment.ProjectId = Projects.Count > 0 ? Projects[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Projects = await MyProjectsAsync(cancellationToken);
        var number = await Input.ValidateAsync("Input.", (field, message) => this.Problem(field, message), Today, db, protector, personId: null, cancellationToken);
        var problems = new Problems();
        if (!ModelState.IsValid)
        {
            // Report the enrolment's problems too, all at once; nothing is written.
            await EnrolmentOperations.CheckAsync(db, PersonOperations.New(db), Enrolment, Today, problems, cancellationToken);
            return this.ShowProblems(problems, "Enrolment.");
        }
        if (await PersonOperations.RegisterAsync(db, protector, Input, number, "Input." + nameof(Input.IdentityNumber), (field, message) => this.Problem(field, message),
                person => EnrolmentOperations.EnrolAsync(db, person, Enrolment, Today, problems, cancellationToken), cancellationToken) is not var (person, _))
            return this.ShowProblems(problems, "Enrolment.");
        return this.Saved("The participant was registered.", Form.ToParticipant(person.Id));
    }

    private Task<List<Project>> MyProjectsAsync(CancellationToken cancellationToken)
        => db.MyProjects().AsNoTracking().OrderBy(p => p.Name).ToListAsync(cancellationToken);
}
