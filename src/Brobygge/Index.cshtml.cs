using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Projects;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge;

/// <summary>The start page: a coach's or bridge-builder's caseload and follow-ups due, a project manager's projects.</summary>
public sealed class StartModel(BrobyggeDb db, TimeProvider time) : PageModel
{
    public DateOnly Today { get; private set; }
    public bool ShowsCaseload => db.Scope.SeesAssignedParticipants;
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public sealed record ProjectRow(string Name, int Enrolled, int Active, Brobygge.Projects.FunderProfileKind FunderProfile);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        // A coach's or bridge-builder's desk is its own view component (Desk/CoachDeskViewComponent.cs).
        if (!ShowsCaseload && db.Scope.SeesProjectParticipants)
        {
            Projects = await db.MyProjects().AsNoTracking()
                .Select(p => new ProjectRow(p.Name,
                    db.Enrolments.Count(e => e.ProjectId == p.Id),
                    db.Enrolments.Count(e => e.ProjectId == p.Id && e.ExitedOn == null), p.FunderProfile))
                .ToListAsync(cancellationToken);
        }
    }
}
