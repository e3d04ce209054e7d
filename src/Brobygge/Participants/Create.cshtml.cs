using System.ComponentModel.DataAnnotations;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Projects;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Brobygge.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Brobygge.Participants;

/// <summary>Registers a person and enrols them in one of the user's projects; a coach or bridge-builder
/// who registers someone is assigned to them, so the new participant is on their caseload at once.</summary>
[Authorize(Roles = Roles.ParticipantEditors)]
public sealed class CreateModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty] public ParticipantInput Input { get; set; } = new();
    [BindProperty] public EnrolmentInput Enrolment { get; set; } = new();
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    public sealed class EnrolmentInput
    {
        [Required(ErrorMessage = "Choose a project.")]
        public Guid? ProjectId { get; set; }

        [StringLength(60, ErrorMessage = "The reference can be at most 60 characters.")]
        public string? Reference { get; set; }

        [Required(ErrorMessage = "Enter the enrolment date.")]
        public DateOnly? EnrolledOn { get; set; }

        [Required(ErrorMessage = "Choose the labour-market status at entry.")]
        public LabourStatusAtEntry? StatusAtEntry { get; set; }
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Projects = await MyProjectsAsync(cancellationToken);
        Enrolment.EnrolledOn = Today;
        Enrolment.ProjectId = Projects.Count > 0 ? Projects[0].Id : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Projects = await MyProjectsAsync(cancellationToken);
        var number = await Input.ValidateAsync("Input.", AddError, Today, db, protector, personId: null, cancellationToken);
        var project = Projects.FirstOrDefault(p => p.Id == Enrolment.ProjectId);
        if (Enrolment.ProjectId is not null && project is null)
            AddError("Enrolment.ProjectId", "Choose one of your projects.");
        if (Enrolment.EnrolledOn is { } enrolledOn && project is not null && (enrolledOn < project.StartsOn || enrolledOn > project.EndsOn))
            AddError("Enrolment.EnrolledOn", "The enrolment date must be within the project period.");
        else if (Enrolment.EnrolledOn > Today)
            AddError("Enrolment.EnrolledOn", "The enrolment date cannot be in the future.");
        var reference = Enrolment.Reference?.Trim();
        if (project is not null && !string.IsNullOrEmpty(reference)
            && await db.Enrolments.IgnoreQueryFilters().AnyAsync(e => e.ProjectId == project.Id && e.Reference == reference, cancellationToken))
            AddError("Enrolment.Reference", "Another participant in the project already has this reference.");
        if (!ModelState.IsValid)
            return Page();

        var person = new Person { OrganisationId = db.Scope.OrganisationId, FirstName = "", LastName = "", RegisteredById = db.Scope.UserId };
        await Input.ApplyToAsync(person, number, protector, cancellationToken);
        var enrolment = new Enrolments.Enrolment
        {
            OrganisationId = person.OrganisationId, ProjectId = project!.Id, PersonId = person.Id,
            Reference = string.IsNullOrEmpty(reference) ? await NextReferenceAsync(project, cancellationToken) : reference,
            EnrolledOn = Enrolment.EnrolledOn!.Value, StatusAtEntry = Enrolment.StatusAtEntry!.Value,
        };
        var role = User.IsInRole(Roles.Coach) ? AssignmentRole.Coach : User.IsInRole(Roles.BridgeBuilder) ? AssignmentRole.BridgeBuilder : (AssignmentRole?)null;
        if (role is { } assignedAs)
            enrolment.Assignments.Add(new Assignment { OrganisationId = person.OrganisationId, EnrolmentId = enrolment.Id, StaffId = db.Scope.UserId, Role = assignedAs, StartedOn = enrolment.EnrolledOn });
        db.Persons.Add(person);
        db.Enrolments.Add(enrolment);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Saved"] = "The participant was registered.";
        return Redirect($"/Participants/Details/{person.Id}");
    }

    private Task<List<Project>> MyProjectsAsync(CancellationToken cancellationToken)
        => db.Projects.AsNoTracking().Where(p => p.Members.Any(m => m.UserId == db.Scope.UserId)).OrderBy(p => p.Name).ToListAsync(cancellationToken);

    /// <summary>P-0001, P-0002, … after the highest number the project has used.</summary>
    private async Task<string> NextReferenceAsync(Project project, CancellationToken cancellationToken)
    {
        var used = await db.Enrolments.IgnoreQueryFilters().Where(e => e.ProjectId == project.Id && e.Reference.StartsWith("P-"))
            .Select(e => e.Reference).ToListAsync(cancellationToken);
        var highest = used.Select(r => int.TryParse(r.AsSpan(2), out var n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"P-{highest + 1:0000}";
    }

    private void AddError(string field, string message) => ModelState.AddModelError(field, t[message]);
}
