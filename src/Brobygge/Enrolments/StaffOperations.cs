using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

public sealed class AssignInput
{
    public Guid? StaffId { get; set; }
    public AssignmentRole? Role { get; set; }

    /// <summary>The enrolment's version the choice was made from: an assignment made since refuses it. Without it,
    /// the version read when the request starts guards the hand-over.</summary>
    public Guid? Version { get; set; }
}

/// <summary>A staff member suggested for a participant: who speaks their languages, and how full their caseload is.</summary>
public sealed record StaffSuggestion(Guid Id, string Name, IReadOnlyList<string> SharedLanguages, int Caseload);

/// <summary>Assigning coaches and bridge-builders, and suggesting whom.</summary>
public static class StaffOperations
{
    /// <summary>The project's members in a role (Identity's user-role table joined in SQL).</summary>
    public static IQueryable<User> StaffOf(BrobyggeDb db, Guid projectId, string role)
        => db.Users.Where(u => u.OrganisationId == db.Scope.OrganisationId || db.Scope.IsSystem)
            .Where(u => db.ProjectMembers.Any(m => m.ProjectId == projectId && m.UserId == u.Id))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));

    /// <summary>Staff who speak one of the participant's languages first, then the least loaded.</summary>
    public static async Task<IReadOnlyList<StaffSuggestion>> SuggestAsync(BrobyggeDb db, Guid enrolmentId, AssignmentRole role, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Person).SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var languages = enrolment.Person!.Languages;
        var staff = await StaffOf(db, enrolment.ProjectId, RoleName(role))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Languages,
                // Caseloads count across access filters: a coach's load is not the viewer's business, but its size is.
                Caseload = db.BeyondAccess<Assignment>().Count(a => a.StaffId == u.Id && a.Role == role && a.EndedOn == null && a.Enrolment!.ExitedOn == null),
            })
            .ToListAsync(cancellationToken);
        return staff
            .Select(s => new StaffSuggestion(s.Id, s.DisplayName, languages.Intersect(s.Languages).ToList(), s.Caseload))
            .OrderByDescending(s => s.SharedLanguages.Count > 0).ThenBy(s => s.Caseload).ThenBy(s => s.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Makes the staff member the participant's coach or bridge-builder from today; the one before
    /// keeps the dates they had the participant. Every hand-over renews the enrolment's version, so of two made
    /// from the same version one is saved and the other is a <see cref="ConflictException"/>; the unique index on
    /// the current assignment holds the rule where a version does not reach.</summary>
    public static async Task<Assignment?> AssignAsync(BrobyggeDb db, Guid enrolmentId, AssignInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        if (input.Role is null)
            problems.Add(nameof(input.Role), "Choose coach or bridge-builder.");
        if (input.StaffId is null)
            problems.Add(nameof(input.StaffId), "Choose a staff member.");
        else if (input.Role is { } role && !await StaffOf(db, enrolment.ProjectId, RoleName(role)).AnyAsync(u => u.Id == input.StaffId, cancellationToken))
            problems.Add(nameof(input.StaffId), "The staff member does not work in the project in that role.");
        if (problems.Any)
            return null;

        var current = await db.Assignments.Where(a => a.EnrolmentId == enrolment.Id && a.Role == input.Role && a.EndedOn == null).ToListAsync(cancellationToken);
        if (current.Any(a => a.StaffId == input.StaffId))
            return current.First(a => a.StaffId == input.StaffId);
        foreach (var previous in current)
            previous.EndedOn = today;
        var assignment = new Assignment { OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, StaffId = input.StaffId!.Value, Role = input.Role!.Value, StartedOn = today };
        db.Assignments.Add(assignment);
        var version = db.Entry(enrolment).Property(e => e.Version);
        if (input.Version is { } read && read != Guid.Empty)
            version.OriginalValue = read;
        version.IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || e.IsUniqueViolation<Assignment>(db, a => new { a.EnrolmentId, a.Role }))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException("The assignment");
        }
        return assignment;
    }

    public static string RoleName(AssignmentRole role) => role == AssignmentRole.Coach ? Roles.Coach : Roles.BridgeBuilder;
}
