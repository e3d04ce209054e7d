using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Calendar;

/// <summary>One thing in a staff member's diary: a planned activity (an appointment, with its time when set) or a
/// follow-up due.</summary>
public sealed record AgendaItem(DateOnly Date, TimeOnly? StartsAt, Guid PersonId, string FirstName, string LastName, int BirthYear, string Reference,
    Guid RecordId, ActivityKind? Activity, FollowUpKind? FollowUp)
{
    public bool IsAppointment => Activity is not null;
    public string Name => FirstName + " " + LastName;
}

/// <summary>Items shown as one list, with their dates when they are not all of one day.</summary>
public sealed record AgendaList(IReadOnlyList<AgendaItem> Items, bool ShowDate);

/// <summary>
/// What is coming up for one member of staff: the planned activities of the participants assigned to them (until they
/// are recorded as held or removed), and the follow-ups they are the coach for (until recorded). The start page, the
/// week calendar and the calendar feed read the same, so they never disagree.
/// </summary>
public static class Agenda
{
    /// <summary>From <paramref name="from"/> (none: everything still open before <paramref name="to"/>, the overdue
    /// included) to <paramref name="to"/>, both included, by date and time.</summary>
    public static async Task<IReadOnlyList<AgendaItem>> ForAsync(BrobyggeDb db, Guid staffId, DateOnly? from, DateOnly to, CancellationToken cancellationToken)
    {
        var activities = db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Planned && a.OccurredOn <= to
                && a.Enrolment!.Assignments.Any(s => s.StaffId == staffId && s.EndedOn == null));
        var followUps = db.FollowUps.AsNoTracking()
            .Where(f => f.RecordedOn == null && f.DueOn <= to
                && f.Enrolment!.Assignments.Any(s => s.StaffId == staffId && s.EndedOn == null && s.Role == AssignmentRole.Coach));
        if (from is { } first)
        {
            activities = activities.Where(a => a.OccurredOn >= first);
            followUps = followUps.Where(f => f.DueOn >= first);
        }
        var appointments = await activities
            .Select(a => new AgendaItem(a.OccurredOn, a.StartsAt, a.Enrolment!.PersonId, a.Enrolment.Person!.FirstName, a.Enrolment.Person.LastName,
                a.Enrolment.Person.BirthDate.Year, a.Enrolment.Reference, a.Id, a.Kind, null))
            .ToListAsync(cancellationToken);
        var due = await followUps
            .Select(f => new AgendaItem(f.DueOn, null, f.Enrolment!.PersonId, f.Enrolment.Person!.FirstName, f.Enrolment.Person.LastName,
                f.Enrolment.Person.BirthDate.Year, f.Enrolment.Reference, f.Id, null, f.Kind))
            .ToListAsync(cancellationToken);
        return appointments.Concat(due)
            .OrderBy(i => i.Date).ThenBy(i => i.StartsAt ?? TimeOnly.MaxValue).ThenBy(i => i.LastName).ThenBy(i => i.RecordId)
            .ToList();
    }
}
