using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Contacts;

/// <summary>Contacts the user may see whose person is not enrolled in the contact's project yet.</summary>
public sealed class IndexModel(BrobyggeDb db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public sealed record Row(Guid PersonId, string Name, DateOnly ContactedOn, string? Language, string? BridgeBuilder);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await db.Contacts.AsNoTracking()
            // The contact knows when its person was enrolled; ignoring the enrolments' filter here would lift the
            // contacts' filter for the whole query and show every organisation's contacts.
            .Where(c => c.EnrolledOn == null)
            .OrderByDescending(c => c.ContactedOn)
            .Select(c => new Row(c.PersonId, c.Person!.FirstName + " " + c.Person.LastName, c.ContactedOn, c.Language,
                db.Users.Where(u => u.Id == c.BridgeBuilderId).Select(u => u.DisplayName).FirstOrDefault()))
            .Take(200)
            .ToListAsync(cancellationToken);
        await db.RecordListReadAsync(Rows.Select(r => r.PersonId), cancellationToken);
    }
}
