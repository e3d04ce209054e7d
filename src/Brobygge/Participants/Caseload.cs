using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Plans;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

public enum CaseloadStatus { Active, Exited, All }

/// <summary>Which plan steps a list keeps: those with an open next step, those overdue, or those with none.</summary>
public enum NextStepFilter { Any, Overdue, None }

public enum CaseloadSort { Name, LastContact, NextStep, Enrolled, Project }

/// <summary>How a caseload is filtered and sorted; bound from the query string, so a list can be bookmarked and exported
/// as shown.</summary>
public sealed class CaseloadFilter
{
    public CaseloadStatus Status { get; set; } = CaseloadStatus.Active;
    public Guid? Project { get; set; }
    public NextStepFilter NextStep { get; set; }
    /// <summary>Only those with no held activity in the last <see cref="Caseload.NoContactDays"/> days.</summary>
    public bool NoRecentContact { get; set; }
    public bool WithoutCoach { get; set; }
    public CaseloadSort Sort { get; set; }
}

/// <summary>One enrolment in a caseload: who (birth year beside the name, so namesakes can be told apart), where in the
/// journey, the next step of the plan and the last contact.</summary>
public sealed record CaseloadRow(Guid PersonId, Guid EnrolmentId, string FirstName, string LastName, int BirthYear, string Reference, string Project,
    DateOnly EnrolledOn, DateOnly? ExitedOn, string? Coach, string? NextStep, DateOnly? NextStepDueOn, DateOnly? LastContactOn)
{
    public string Name => FirstName + " " + LastName;

    /// <summary>Active and not met (no held activity) for <see cref="Caseload.NoContactDays"/> days or more, counted
    /// from enrolment when never met.</summary>
    public bool LacksContact(DateOnly today) => ExitedOn is null && (LastContactOn ?? EnrolledOn) <= today.AddDays(-Caseload.NoContactDays);

    public bool LacksCoach => ExitedOn is null && Coach is null;
}

/// <summary>
/// The caseload list shared by the start page, the participant list and its XLSX export. The query filters decide whose
/// enrolments a user sees; this only filters, sorts and pages what is visible. Last contact is the latest held activity
/// (a planned one is no contact yet); the next step is the open plan step due first (undated last).
/// </summary>
public static class Caseload
{
    public const int NoContactDays = 30;

    /// <summary>The caseload of <paramref name="enrolments"/> (by default all the user sees) through the filter.</summary>
    public static IQueryable<CaseloadRow> Query(BrobyggeDb db, CaseloadFilter filter, DateOnly today, IQueryable<Enrolment>? enrolments = null)
    {
        enrolments ??= db.Enrolments.AsNoTracking();
        enrolments = filter.Status switch
        {
            CaseloadStatus.Active => enrolments.Where(e => e.ExitedOn == null),
            CaseloadStatus.Exited => enrolments.Where(e => e.ExitedOn != null),
            _ => enrolments,
        };
        if (filter.Project is { } projectId)
            enrolments = enrolments.Where(e => e.ProjectId == projectId);
        if (filter.WithoutCoach)
            enrolments = enrolments.Where(e => e.ExitedOn == null && !e.Assignments.Any(a => a.Role == AssignmentRole.Coach && a.EndedOn == null));
        var contactBefore = today.AddDays(-NoContactDays);
        if (filter.NoRecentContact)
            enrolments = enrolments.Where(e => e.ExitedOn == null && e.EnrolledOn <= contactBefore
                && !e.Activities.Any(a => a.Status == ActivityStatus.Held && a.OccurredOn > contactBefore));
        enrolments = filter.NextStep switch
        {
            NextStepFilter.Overdue => enrolments.Where(e => db.PlanSteps.Any(s => s.EnrolmentId == e.Id
                && (s.Status == PlanStepStatus.Planned || s.Status == PlanStepStatus.InProgress) && s.DueOn < today)),
            NextStepFilter.None => enrolments.Where(e => !db.PlanSteps.Any(s => s.EnrolmentId == e.Id
                && (s.Status == PlanStepStatus.Planned || s.Status == PlanStepStatus.InProgress))),
            _ => enrolments,
        };
        var sorted = filter.Sort switch
        {
            // Longest without contact first: that is whom to call.
            CaseloadSort.LastContact => enrolments.OrderBy(e => e.Activities.Where(a => a.Status == ActivityStatus.Held).Max(a => (DateOnly?)a.OccurredOn) ?? e.EnrolledOn),
            CaseloadSort.NextStep => enrolments
                .OrderBy(e => db.PlanSteps.Where(s => s.EnrolmentId == e.Id && (s.Status == PlanStepStatus.Planned || s.Status == PlanStepStatus.InProgress)).Min(s => s.DueOn) == null)
                .ThenBy(e => db.PlanSteps.Where(s => s.EnrolmentId == e.Id && (s.Status == PlanStepStatus.Planned || s.Status == PlanStepStatus.InProgress)).Min(s => s.DueOn)),
            CaseloadSort.Enrolled => enrolments.OrderByDescending(e => e.EnrolledOn),
            CaseloadSort.Project => enrolments.OrderBy(e => e.Project!.Name),
            _ => enrolments.OrderBy(e => e.Person!.LastName),
        };
        return sorted.ThenBy(e => e.Person!.LastName).ThenBy(e => e.Person!.FirstName).ThenBy(e => e.Id)
            .Select(e => new CaseloadRow(e.PersonId, e.Id, e.Person!.FirstName, e.Person.LastName, e.Person.BirthDate.Year, e.Reference, e.Project!.Name,
                e.EnrolledOn, e.ExitedOn,
                e.Assignments.Where(a => a.Role == AssignmentRole.Coach && a.EndedOn == null).Select(a => a.Staff!.DisplayName).FirstOrDefault(),
                db.PlanSteps.Where(s => s.EnrolmentId == e.Id && (s.Status == PlanStepStatus.Planned || s.Status == PlanStepStatus.InProgress))
                    .OrderBy(s => s.DueOn == null).ThenBy(s => s.DueOn).ThenBy(s => s.Id).Select(s => s.Title).FirstOrDefault(),
                db.PlanSteps.Where(s => s.EnrolmentId == e.Id && (s.Status == PlanStepStatus.Planned || s.Status == PlanStepStatus.InProgress))
                    .OrderBy(s => s.DueOn == null).ThenBy(s => s.DueOn).ThenBy(s => s.Id).Select(s => s.DueOn).FirstOrDefault(),
                e.Activities.Where(a => a.Status == ActivityStatus.Held).Max(a => (DateOnly?)a.OccurredOn)));
    }
}

/// <summary>What the caseload table shows: the rows, today (for the marks), and whether the project is a column.</summary>
public sealed record CaseloadTable(IReadOnlyList<CaseloadRow> Rows, DateOnly Today, bool ShowsProject);
