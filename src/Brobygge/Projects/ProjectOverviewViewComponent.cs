using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Projects;

/// <summary>
/// The project manager's part of the start page (<c>&lt;vc:project-overview /&gt;</c>): across their projects, the
/// participants without a coach (enrolled by a bridge-builder, or whose coach left) and the follow-ups past due, each
/// project with a link to its staff and partners. Shows nothing to other roles.
/// </summary>
public sealed class ProjectOverviewViewComponent(BrobyggeDb db, TimeProvider time) : ViewComponent
{
    public sealed record ProjectLink(Guid Id, string Name);
    public sealed record Unassigned(Guid PersonId, string Name, string Reference, string Project, DateOnly EnrolledOn);
    public sealed record Overdue(Guid PersonId, string Name, string Project, FollowUpKind Kind, DateOnly DueOn);
    public sealed record Overview(IReadOnlyList<ProjectLink> Projects, IReadOnlyList<Unassigned> WithoutCoach, IReadOnlyList<Overdue> OverdueFollowUps);

    /// <summary>Enough to act on from the start page; the participant list has the rest.</summary>
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!db.Scope.SeesProjectParticipants)
            return Content("");
        var cancellationToken = HttpContext.RequestAborted;
        var today = time.Today();
        var projects = await db.MyProjects().AsNoTracking().OrderBy(p => p.Name).Select(p => new ProjectLink(p.Id, p.Name)).ToListAsync(cancellationToken);
        var projectIds = projects.Select(p => p.Id).ToList();
        var withoutCoach = await db.Enrolments.AsNoTracking()
            .Where(e => projectIds.Contains(e.ProjectId) && e.ExitedOn == null && !e.Assignments.Any(a => a.EndedOn == null && a.Role == AssignmentRole.Coach))
            .OrderBy(e => e.EnrolledOn).ThenBy(e => e.Id).Take(Shown)
            .Select(e => new Unassigned(e.PersonId, e.Person!.FirstName + " " + e.Person.LastName, e.Reference,
                db.Projects.Where(p => p.Id == e.ProjectId).Select(p => p.Name).First(), e.EnrolledOn))
            .ToListAsync(cancellationToken);
        var overdue = await db.FollowUps.AsNoTracking()
            .Where(f => f.RecordedOn == null && f.DueOn < today && projectIds.Contains(f.Enrolment!.ProjectId))
            .OrderBy(f => f.DueOn).ThenBy(f => f.Id).Take(Shown)
            .Select(f => new Overdue(f.Enrolment!.PersonId, f.Enrolment.Person!.FirstName + " " + f.Enrolment.Person.LastName,
                db.Projects.Where(p => p.Id == f.Enrolment.ProjectId).Select(p => p.Name).First(), f.Kind, f.DueOn))
            .ToListAsync(cancellationToken);
        await db.RecordListReadAsync(withoutCoach.Select(u => u.PersonId).Concat(overdue.Select(o => o.PersonId)), cancellationToken);
        return View("/Projects/_ProjectOverview.cshtml", new Overview(projects, withoutCoach, overdue));
    }
}
