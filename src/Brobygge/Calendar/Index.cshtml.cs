using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Brobygge.Calendar;

/// <summary>A week of the signed-in staff member's appointments and follow-ups, Monday to Sunday, with the previous and
/// next week one link away; plain links, no script.</summary>
public sealed class IndexModel(BrobyggeDb db, TimeProvider time) : PageModel
{
    /// <summary>Any day of the week to show (its Monday is used); this week when not given.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }

    public DateOnly Today { get; private set; }
    public DateOnly Monday { get; private set; }
    public IReadOnlyList<(DateOnly Day, AgendaList Items)> Days { get; private set; } = [];
    public int WeekNumber => System.Globalization.ISOWeek.GetWeekOfYear(Monday.ToDateTime(TimeOnly.MinValue));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = time.Today();
        // A date that could not be read shows this week: nothing is lost by it.
        var day = ModelState.IsValid && Week is { } asked ? asked : Today;
        Monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var items = await Agenda.ForAsync(db, db.Scope.UserId, Monday, Monday.AddDays(6), cancellationToken);
        Days = Enumerable.Range(0, 7).Select(i => Monday.AddDays(i))
            .Select(d => (d, new AgendaList(items.Where(item => item.Date == d).ToList(), ShowDate: false))).ToList();
        await db.RecordListReadAsync(items.Select(i => i.PersonId), cancellationToken);
    }
}
