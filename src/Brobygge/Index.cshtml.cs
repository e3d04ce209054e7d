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
    public IReadOnlyList<CaseloadRow> Caseload { get; private set; } = [];
    public IReadOnlyList<FollowUpRow> FollowUps { get; private set; } = [];
    public IReadOnlyList<ProjectRow> Projects { get; private set; } = [];

    public sealed record CaseloadRow(Guid PersonId, string Name, string Reference, DateOnly EnrolledOn, DateOnly? LatestActivityOn, AssignmentRole Role);
    public sealed record FollowUpRow(Guid PersonId, string Name, FollowUpKind Kind, DateOnly DueOn);
    public sealed record ProjectRow(string Name, int Enrolled, int Active, Brobygge.Projects.FunderProfileKind FunderProfile);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        var me = db.Scope.UserId;
        if (ShowsCaseload)
        {
            Caseload = await db.Assignments.AsNoTracking()
                .Where(a => a.StaffId == me && a.EndedOn == null && a.Enrolment!.ExitedOn == null)
                .OrderBy(a => a.Enrolment!.Person!.LastName).ThenBy(a => a.Enrolment!.Person!.FirstName)
                .Select(a => new CaseloadRow(a.Enrolment!.PersonId, a.Enrolment.Person!.FirstName + " " + a.Enrolment.Person.LastName,
                    a.Enrolment.Reference, a.Enrolment.EnrolledOn, a.Enrolment.Activities.Max(x => (DateOnly?)x.OccurredOn), a.Role))
                .ToListAsync(cancellationToken);
            var horizon = Today.AddDays(14);
            FollowUps = await db.FollowUps.AsNoTracking()
                .Where(f => f.RecordedOn == null && f.DueOn <= horizon && f.Enrolment!.Assignments.Any(a => a.StaffId == me && a.EndedOn == null && a.Role == AssignmentRole.Coach))
                .OrderBy(f => f.DueOn)
                .Select(f => new FollowUpRow(f.Enrolment!.PersonId, f.Enrolment.Person!.FirstName + " " + f.Enrolment.Person.LastName, f.Kind, f.DueOn))
                .ToListAsync(cancellationToken);
            await db.RecordListReadAsync(Caseload.Select(c => c.PersonId).Concat(FollowUps.Select(f => f.PersonId)), cancellationToken);
        }
        else if (db.Scope.SeesProjectParticipants)
        {
            Projects = await db.MyProjects().AsNoTracking()
                .Select(p => new ProjectRow(p.Name,
                    db.Enrolments.Count(e => e.ProjectId == p.Id),
                    db.Enrolments.Count(e => e.ProjectId == p.Id && e.ExitedOn == null), p.FunderProfile))
                .ToListAsync(cancellationToken);
        }
    }
}
