using Brobygge.Auditing;
using Brobygge.Calendar;
using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Desk;

/// <summary>
/// The start page of a coach or bridge-builder: what is overdue, what is on today and in the coming two weeks
/// (appointments and follow-ups, <see cref="Agenda"/>), and their own caseload. One line on the start page shows it,
/// so each role's start can be its own component.
/// </summary>
public sealed class CoachDeskViewComponent(BrobyggeDb db, TimeProvider time) : ViewComponent
{
    /// <summary>The start page shows this many of the caseload; the participant list pages through the rest.</summary>
    public const int CaseloadShown = 100;

    public const int DaysAhead = 14;

    public sealed record Desk(DateOnly Today, AgendaList Overdue, AgendaList OnToday, AgendaList Coming, CaseloadTable Caseload, bool MoreInCaseload);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var today = time.Today();
        var me = db.Scope.UserId;
        var agenda = await Agenda.ForAsync(db, me, from: null, today.AddDays(DaysAhead), cancellationToken);
        var caseload = await Caseload.Query(db, new CaseloadFilter(), today,
                db.Enrolments.AsNoTracking().Where(e => e.Assignments.Any(a => a.StaffId == me && a.EndedOn == null)))
            .Take(CaseloadShown + 1).ToListAsync(cancellationToken);
        var shown = caseload.Take(CaseloadShown).ToList();
        await db.RecordListReadAsync(shown.Select(c => c.PersonId).Concat(agenda.Select(a => a.PersonId)), cancellationToken);
        return View("/Desk/CoachDesk.cshtml", new Desk(today,
            new AgendaList(agenda.Where(a => a.Date < today).ToList(), ShowDate: true),
            new AgendaList(agenda.Where(a => a.Date == today).ToList(), ShowDate: false),
            new AgendaList(agenda.Where(a => a.Date > today).ToList(), ShowDate: true),
            new CaseloadTable(shown, today, ShowsProject: false), caseload.Count > CaseloadShown));
    }
}
