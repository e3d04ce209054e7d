using Brobygge.Auditing;
using Brobygge.Contacts;
using Brobygge.Data;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

public sealed class EnrolInput
{
    public Guid? ProjectId { get; set; }
    public string? Reference { get; set; }
    public DateOnly? EnrolledOn { get; set; }
    public LabourStatusAtEntry? StatusAtEntry { get; set; }

    // Facts at entry the person does not carry (EntryFacts.cs); the rest is taken from the person.
    public DateOnly? UnemployedSince { get; set; }

    /// <summary>Country codes or names, or "stateless"; a form sends one text separated by commas.</summary>
    public List<string>? Citizenship { get; set; }
    public string? CountryOfBirth { get; set; }
    public ParentsBornAbroad? ParentsBornAbroad { get; set; }

    /// <summary>Only where the project's funder profile asks (ESF, ESF+); kept apart in <see cref="SpecialCategoryAnswer"/>.</summary>
    public SpecialCategoriesInput? SpecialCategories { get; set; }
}

public sealed class ExitInput
{
    public DateOnly? ExitedOn { get; set; }
    public ExitReason? Reason { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Enrolment, exit and re-entry, shared by the pages and the API.</summary>
public static class EnrolmentOperations
{
    /// <summary>
    /// Enrols a person in one of the user's projects. A person who left the project and comes back keeps
    /// the one enrolment, its start date unchanged (the ESF rule); the exit is cleared. A coach or
    /// bridge-builder who enrols someone is assigned to them, so they land on their caseload.
    /// The person may be new and not yet saved: then both are saved together.
    /// </summary>
    public static async Task<Enrolment?> EnrolAsync(BrobyggeDb db, Person person, EnrolInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(db, person, input, today, problems, cancellationToken);
        if (check is not var (project, existing))
            return null;
        var contacts = await db.BeyondAccess<Contact>()
            .Where(c => c.PersonId == person.Id && c.ProjectId == project.Id && c.EnrolledOn == null).ToListAsync(cancellationToken);
        foreach (var contact in contacts)
            contact.EnrolledOn = input.EnrolledOn;
        // The bridge-builder who made the contact goes on working with the participant.
        var bridgeBuilder = contacts.OrderByDescending(c => c.ContactedOn).Select(c => c.BridgeBuilderId).FirstOrDefault(id => id is not null);
        if (existing is not null)
        {
            existing.ReEnter(input.EnrolledOn!.Value);
            await AssignEnrollerAsync(db, existing, input.EnrolledOn!.Value, cancellationToken);
            // Two re-entries at once: the enrolment's version lets one through.
            await db.SaveOrConflictAsync("The enrolment", cancellationToken);
            return existing;
        }
        var reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim();
        var enrolment = new Enrolment
        {
            OrganisationId = person.OrganisationId, ProjectId = project.Id, PersonId = person.Id,
            Reference = reference ?? await NextReferenceAsync(db, project, cancellationToken),
            EnrolledOn = input.EnrolledOn!.Value, StatusAtEntry = input.StatusAtEntry!.Value,
            ContactedOn = await db.BeyondAccess<Contact>().Where(c => c.PersonId == person.Id && c.ProjectId == project.Id)
                .MinAsync(c => (DateOnly?)c.ContactedOn, cancellationToken),
        };
        EntryFactsOperations.Capture(enrolment, person, input);
        db.Enrolments.Add(enrolment);
        Enrolments.SpecialCategories.Add(db, enrolment, FunderProfile.Of(project.FunderProfile), input.SpecialCategories, DateTime.UtcNow);
        var enrollerRole = await AssignEnrollerAsync(db, enrolment, enrolment.EnrolledOn, cancellationToken);
        if (bridgeBuilder is { } staffId && enrollerRole != AssignmentRole.BridgeBuilder)
            db.Assignments.Add(new Assignment { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StaffId = staffId, Role = AssignmentRole.BridgeBuilder, StartedOn = enrolment.EnrolledOn });
        return await SaveNewAsync(db, enrolment, project, automaticReference: reference is null, problems, cancellationToken);
    }

    private const int ReferenceAttempts = 10;

    /// <summary>
    /// Saves a new enrolment. The checks before cannot see an enrolment another request saves a moment later; the
    /// unique indexes can. An automatic reference taken meanwhile is followed by the next one; a reference the
    /// user gave, or the person enrolled meanwhile, is the problem the check would have named. Null then, nothing saved.
    /// </summary>
    private static async Task<Enrolment?> SaveNewAsync(BrobyggeDb db, Enrolment enrolment, Project project, bool automaticReference, Problems problems, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return enrolment;
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation<Enrolment>(db, x => new { x.ProjectId, x.Reference }))
            {
                if (!automaticReference || attempt == ReferenceAttempts)
                {
                    problems.Add(nameof(EnrolInput.Reference), automaticReference
                        ? "The next reference could not be taken because many participants were enrolled at the same moment. Save again, or enter a reference."
                        : "Another participant in the project already has this reference.");
                    break;
                }
                // The failed save queued audit events for writes that did not happen; the next save queues its own.
                foreach (var queued in db.ChangeTracker.Entries<AuditEvent>().Where(a => a.State == EntityState.Added).ToList())
                    queued.State = EntityState.Detached;
                enrolment.Reference = await NextReferenceAsync(db, project, cancellationToken);
            }
            catch (DbUpdateException e) when (e.IsUniqueViolation<Enrolment>(db, x => new { x.ProjectId, x.PersonId }))
            {
                problems.Add(nameof(EnrolInput.ProjectId), "The person is already enrolled in this project.");
                break;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The contact being enrolled was saved by someone else meanwhile (most likely: enrolled at the same moment).
                db.ChangeTracker.Clear();
                throw new ConflictException("The enrolment");
            }
        }
        db.ChangeTracker.Clear();
        return null;
    }

    /// <summary>Checks an enrolment without writing: the project, and the earlier enrolment a re-entry
    /// continues; null with the problems when it cannot be made.</summary>
    public static async Task<(Project Project, Enrolment? ReEntered)?> CheckAsync(BrobyggeDb db, Person person, EnrolInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var project = input.ProjectId is { } projectId
            ? await db.MyProjects().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            : null;
        if (input.ProjectId is null)
            problems.Add(nameof(input.ProjectId), "Choose a project.");
        else if (project is null)
            problems.Add(nameof(input.ProjectId), "Choose one of your projects.");
        var reference = CheckEntry(project, person, input, today, problems);
        if (project is null)
            return null;

        // Checked across access filters: someone else's enrolment still blocks a duplicate.
        var existing = await db.BeyondAccess<Enrolment>().Include(e => e.FollowUps).Include(e => e.Periods)
            .SingleOrDefaultAsync(e => e.ProjectId == project.Id && e.PersonId == person.Id, cancellationToken);
        if (existing is { ExitedOn: null })
            problems.Add(nameof(input.ProjectId), "The person is already enrolled in this project.");
        else if (existing is not null && !await db.Enrolments.AnyAsync(e => e.Id == existing.Id, cancellationToken))
            problems.Add(nameof(input.ProjectId), "The person's earlier enrolment in this project is not yours to reopen; ask the project manager.");
        else if (existing is not null && (input.EnrolledOn < existing.ExitedOn || input.EnrolledOn <= existing.LivePeriods().LastOrDefault()?.StartedOn))
            problems.Add(nameof(input.EnrolledOn), "A re-entry cannot be dated before the last exit.");
        else if (existing is null && reference is not null
            && await db.BeyondAccess<Enrolment>().AnyAsync(e => e.ProjectId == project.Id && e.Reference == reference, cancellationToken))
            problems.Add(nameof(input.Reference), "Another participant in the project already has this reference.");
        if (existing is null) // a re-entry keeps the facts of the first entry
            FunderProfile.Of(project.FunderProfile).CheckEntry(Enrolments.SpecialCategories.EntryFactsOf(person, input), input.SpecialCategories, problems);
        return problems.Any ? null : (project, existing);
    }

    /// <summary>Ends the current period of participation; a second exit without re-entry corrects it. Refused, naming the
    /// exit date, when a follow-up already recorded would then fall outside its window.</summary>
    public static async Task<Enrolment?> ExitAsync(BrobyggeDb db, Guid enrolmentId, ExitInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).Include(e => e.Project)
            .SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        CheckExit(enrolment.EnrolledOn, input, today, problems);
        if (input.ExitedOn is { } exitedOn && !problems.ByField.ContainsKey(nameof(input.ExitedOn))
            && enrolment.ExitProblem(exitedOn, FollowUpWindows.Of(enrolment.Project)) is { } problem)
            problems.Add(nameof(input.ExitedOn), problem);
        problems.RequireVersion(input.Version);
        if (problems.Any)
            return null;
        enrolment.Exit(input.ExitedOn!.Value, input.Reason!.Value, FollowUpWindows.Of(enrolment.Project));
        await db.SaveEditAsync(enrolment, input.Version!.Value, "The enrolment", cancellationToken);
        return enrolment;
    }

    /// <summary>The enrolment's own fields (status, a date within the project period and not ahead, the reference) and
    /// the facts at entry the form adds, without the database, so the import checks a whole file with it. Returns the
    /// trimmed reference, if given.</summary>
    public static string? CheckEntry(Project? project, Person person, EnrolInput input, DateOnly today, Problems problems)
    {
        if (input.StatusAtEntry is null)
            problems.Add(nameof(input.StatusAtEntry), "Choose the labour-market status at entry.");
        if (input.EnrolledOn is not { } enrolledOn)
            problems.Add(nameof(input.EnrolledOn), "Enter the enrolment date.");
        else if (project is not null && (enrolledOn < project.StartsOn || enrolledOn > project.EndsOn))
            problems.Add(nameof(input.EnrolledOn), "The enrolment date must be within the project period.");
        else if (enrolledOn > today)
            problems.Add(nameof(input.EnrolledOn), "The enrolment date cannot be in the future.");
        EntryFactsOperations.Check(person, input, problems);
        var reference = string.IsNullOrWhiteSpace(input.Reference) ? null : input.Reference.Trim();
        if (reference is { Length: > 60 })
            problems.Add(nameof(input.Reference), "The reference can be at most 60 characters.");
        return reference;
    }

    /// <summary>The exit's date and reason against the enrolment date, without the database; shared with the import.
    /// The exit form adds the enrolment's own rule (<see cref="Enrolment.ExitProblem"/>: re-entry, follow-ups made).</summary>
    public static void CheckExit(DateOnly enrolledOn, ExitInput input, DateOnly today, Problems problems)
    {
        if (input.ExitedOn is not { } exitedOn)
            problems.Add(nameof(input.ExitedOn), "Enter the exit date.");
        else if (exitedOn < enrolledOn)
            problems.Add(nameof(input.ExitedOn), "The exit date cannot be before the enrolment date.");
        else if (exitedOn > today)
            problems.Add(nameof(input.ExitedOn), "The exit date cannot be in the future.");
        if (input.Reason is null)
            problems.Add(nameof(input.Reason), "Choose the reason for the exit.");
    }

    /// <summary>Assigns a coach or bridge-builder who enrols someone to them, unless someone holds that role already;
    /// returns the role, if any.</summary>
    private static async Task<AssignmentRole?> AssignEnrollerAsync(BrobyggeDb db, Enrolment enrolment, DateOnly from, CancellationToken cancellationToken)
    {
        var role = db.Scope.Roles.Contains(Roles.Coach) ? AssignmentRole.Coach
            : db.Scope.Roles.Contains(Roles.BridgeBuilder) ? AssignmentRole.BridgeBuilder
            : (AssignmentRole?)null;
        if (role is null || db.Scope.IsSystem)
            return null;
        // A re-entry keeps whoever holds the role: one current coach and one current bridge-builder per participant.
        var taken = await db.Assignments.AnyAsync(a => a.EnrolmentId == enrolment.Id && a.Role == role && a.EndedOn == null, cancellationToken);
        if (!taken)
            db.Assignments.Add(new Assignment { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StaffId = db.Scope.UserId, Role = role.Value, StartedOn = from });
        return role;
    }

    /// <summary>P-0001, P-0002, … after the highest number the project has used.</summary>
    private static async Task<string> NextReferenceAsync(BrobyggeDb db, Project project, CancellationToken cancellationToken)
    {
        var used = await db.BeyondAccess<Enrolment>().Where(e => e.ProjectId == project.Id)
            .Select(e => e.Reference).ToListAsync(cancellationToken);
        return ReferencePattern.Next(used);
    }
}
