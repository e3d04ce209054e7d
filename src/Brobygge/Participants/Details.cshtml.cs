using Brobygge.Activities;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

public sealed class DetailsModel(BrobyggeDb db, IdentityNumberProtector protector) : PageModel
{
    public Person? Person { get; private set; }
    public string? IdentityNumber { get; private set; }
    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public sealed record EnrolmentView(string Project, string Reference, DateOnly EnrolledOn, LabourStatusAtEntry StatusAtEntry,
        DateOnly? ExitedOn, ExitReason? ExitReason, string? Coach, string? BridgeBuilder,
        DateOnly? FirstActivityOn, DateOnly? FirstInternshipOn, DateOnly? FirstJobOn, DateOnly? FirstStudiesOn,
        List<Activity> Activities, List<FollowUp> FollowUps);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The query filter answers "not found" for a person this user may not see: no IDOR.
        Person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (Person is null)
            return NotFound();
        IdentityNumber = Person.IdentityNumberCipher is { } cipher ? ToDisplay(protector.Unprotect(cipher)) : null;
        Enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.PersonId == id)
            .OrderByDescending(e => e.EnrolledOn)
            .Select(e => new EnrolmentView(e.Project!.Name, e.Reference, e.EnrolledOn, e.StatusAtEntry, e.ExitedOn, e.ExitReason,
                e.Assignments.Where(a => a.Role == AssignmentRole.Coach && a.EndedOn == null).Select(a => a.Staff!.DisplayName).FirstOrDefault(),
                e.Assignments.Where(a => a.Role == AssignmentRole.BridgeBuilder && a.EndedOn == null).Select(a => a.Staff!.DisplayName).FirstOrDefault(),
                e.FirstActivityOn, e.FirstInternshipOn, e.FirstJobOn, e.FirstStudiesOn,
                e.Activities.OrderByDescending(a => a.OccurredOn).ToList(),
                e.FollowUps.OrderBy(f => f.DueOn).ToList()))
            .ToListAsync(cancellationToken);
        await db.RecordReadAsync(Person, cancellationToken);
        return Page();
    }

    private static string ToDisplay(string twelveDigits) => $"{twelveDigits[..8]}-{twelveDigits[8..]}";
}
