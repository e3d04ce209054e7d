using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>
/// Active participants without a coach (a bridge-builder enrolled them and nobody has taken them on yet), for a project
/// manager's start page until one is assigned: <c>@await Component.InvokeAsync("WithoutCoach")</c>. Shows nothing to
/// other roles, nor when there is nobody to show.
/// </summary>
public sealed class WithoutCoachViewComponent(BrobyggeDb db, TimeProvider time) : ViewComponent
{
    public const int Shown = 50;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!db.Scope.SeesProjectParticipants)
            return Content("");
        var today = time.Today();
        var rows = await Caseload.Query(db, new CaseloadFilter { WithoutCoach = true }, today).Take(Shown).ToListAsync(HttpContext.RequestAborted);
        if (rows.Count == 0)
            return Content("");
        await db.RecordListReadAsync(rows.Select(r => r.PersonId), HttpContext.RequestAborted);
        return View("/Participants/_WithoutCoach.cshtml", new CaseloadTable(rows, today, ShowsProject: true));
    }
}
