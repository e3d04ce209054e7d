using Brobygge.Activities;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Outcomes;
using Brobygge.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>The participant's page: personal details, contacts, and per enrolment the whole journey with
/// the actions that move it on.</summary>
public sealed class DetailsModel(BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time) : PageModel
{
    public Person? Person { get; private set; }
    public string? IdentityNumber { get; private set; }
    public string? LmaNumber { get; private set; }

    /// <summary>Each enrolment's own facts at entry, by enrolment id.</summary>
    public IReadOnlyDictionary<Guid, EntryFactsView> FactsAtEntry { get; private set; } = new Dictionary<Guid, EntryFactsView>();

    public sealed record EntryFactsView(Gender Gender, int Age, int? EducationLevel, DateOnly? UnemployedSince, List<string> Citizenship,
        string? CountryOfBirth, ParentsBornAbroad? ParentsBornAbroad, string? Municipality)
    {
        public bool? ThirdCountryNational => EntryFacts.ThirdCountryNational(Citizenship);
        public bool? ForeignBackground => EntryFacts.ForeignBackground(CountryOfBirth, ParentsBornAbroad);
    }
    public DateOnly Today { get; private set; }
    public bool CanEdit => db.Scope.SeesAssignedParticipants || db.Scope.SeesProjectParticipants;
    public IReadOnlyList<ContactView> Contacts { get; private set; } = [];
    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public sealed record ContactView(Guid Id, DateOnly ContactedOn, string Project, string? Language, string? BridgeBuilder, string? Place, string? Notes);

    public sealed record EnrolmentView(Guid Id, string Project, Brobygge.Projects.FunderProfileKind FunderProfile, string Reference, DateOnly EnrolledOn, LabourStatusAtEntry StatusAtEntry,
        DateOnly? ExitedOn, ExitReason? ExitReason, string? Coach, string? BridgeBuilder,
        DateOnly? MappedOn, DateOnly? FirstActivityOn, DateOnly? FirstInternshipOn, DateOnly? FirstJobOn, DateOnly? FirstStudiesOn,
        List<PlanStep> Plan, List<Activity> Activities, List<Outcome> Outcomes, List<FollowUp> FollowUps);

    /// <summary>Each enrolment's journal, the latest note first, by enrolment id.</summary>
    public ILookup<Guid, JournalEntry> Journal { get; private set; } = Array.Empty<JournalEntry>().ToLookup(n => n.EnrolmentId);

    public sealed record JournalEntry(Guid EnrolmentId, DateOnly WrittenOn, string Text, string? Author);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        // The query filter answers "not found" for a person this user may not see: no IDOR.
        Person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (Person is null)
            return NotFound();
        Today = time.Today();
        IdentityNumber = protector.Reveal(Person.IdentityNumberCipher);
        LmaNumber = Person.LmaNumberCipher is { } lma ? protector.Unprotect(lma) : null;
        Contacts = await db.Contacts.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.ContactedOn)
            .Select(c => new ContactView(c.Id, c.ContactedOn, db.Projects.Where(p => p.Id == c.ProjectId).Select(p => p.Name).First(), c.Language,
                db.Users.Where(u => u.Id == c.BridgeBuilderId).Select(u => u.DisplayName).FirstOrDefault(), c.Place, c.Notes))
            .ToListAsync(cancellationToken);
        Enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.PersonId == id)
            .OrderByDescending(e => e.EnrolledOn)
            .Select(e => new EnrolmentView(e.Id, e.Project!.Name, e.Project.FunderProfile, e.Reference, e.EnrolledOn, e.StatusAtEntry, e.ExitedOn, e.ExitReason,
                e.Assignments.Where(a => a.Role == AssignmentRole.Coach && a.EndedOn == null).Select(a => a.Staff!.DisplayName).FirstOrDefault(),
                e.Assignments.Where(a => a.Role == AssignmentRole.BridgeBuilder && a.EndedOn == null).Select(a => a.Staff!.DisplayName).FirstOrDefault(),
                e.MappedOn, e.FirstActivityOn, e.FirstInternshipOn, e.FirstJobOn, e.FirstStudiesOn,
                db.PlanSteps.Where(s => s.EnrolmentId == e.Id).OrderBy(s => s.Status).ThenBy(s => s.DueOn).ToList(),
                e.Activities.OrderByDescending(a => a.OccurredOn).ToList(),
                e.Outcomes.OrderByDescending(o => o.StartedOn).ToList(),
                e.FollowUps.OrderBy(f => f.DueOn).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        FactsAtEntry = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == id)
            .Select(e => new { e.Id, Facts = new EntryFactsView(e.GenderAtEntry, e.AgeAtEntry, e.EducationLevelAtEntry, e.UnemployedSince, e.Citizenship,
                e.CountryOfBirth, e.ParentsBornAbroad, e.MunicipalityAtEntry) })
            .ToDictionaryAsync(e => e.Id, e => e.Facts, cancellationToken);
        Journal = (await db.JournalNotes.AsNoTracking().Where(n => n.Enrolment!.PersonId == id)
            .OrderByDescending(n => n.WrittenOn).ThenByDescending(n => n.Id)
            .Select(n => new JournalEntry(n.EnrolmentId, n.WrittenOn, n.Text, db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken)).ToLookup(n => n.EnrolmentId);
        await db.RecordReadAsync(Person, cancellationToken);
        return Page();
    }
}
