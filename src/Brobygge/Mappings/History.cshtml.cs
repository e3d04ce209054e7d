using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Mappings;

/// <summary>Every mapping version of an enrolment, newest first, each with what changed since the one before.</summary>
public sealed class HistoryModel(BrobyggeDb db) : PageModel
{
    public MappedEnrolment? Enrolment { get; private set; }
    public IReadOnlyList<Entry> Versions { get; private set; } = [];

    public sealed record Entry(Mapping Mapping, string? RecordedBy, IReadOnlyList<MappingChange> Changes);

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        Enrolment = await MappedEnrolment.FindAsync(db, enrolmentId, cancellationToken);
        if (Enrolment is null)
            return NotFound();
        var mappings = await db.Mappings.AsNoTracking()
            .Where(m => m.EnrolmentId == enrolmentId)
            .OrderBy(m => m.Number)
            .ToListAsync(cancellationToken);
        var staffIds = mappings.Where(m => m.RecordedById != null).Select(m => m.RecordedById!.Value).Distinct().ToList();
        var staff = await db.Users.AsNoTracking()
            .Where(u => staffIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Versions = mappings
            .Select((mapping, i) => new Entry(mapping, mapping.RecordedById is { } by ? staff.GetValueOrDefault(by) : null,
                MappingChanges.Between(i == 0 ? null : mappings[i - 1], mapping)))
            .Reverse()
            .ToList();
        await db.RecordReadAsync(Enrolment.Person, cancellationToken);
        return Page();
    }
}
