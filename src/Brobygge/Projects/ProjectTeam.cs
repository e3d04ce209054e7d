using Brobygge.Administration;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Projects;

public sealed class MemberInput
{
    public Guid? UserId { get; set; }
}

public sealed class PartnerInput
{
    public string? Name { get; set; }
    public PartnerKind? Kind { get; set; }
}

/// <summary>A project manager's work on the projects they are a member of: who works in them (staff of the
/// organisation, each with their role) and which partner organisations take part. A project they are not in is "not
/// found".</summary>
public static class ProjectTeam
{
    public static async Task<Project> MineAsync(BrobyggeDb db, Guid projectId, CancellationToken cancellationToken)
        => await db.MyProjects().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken) ?? throw new NotFoundException("The project");

    /// <summary>The organisation's users who are not yet in the project and may work in one (not administrators).</summary>
    public static IQueryable<User> Candidates(BrobyggeDb db, Guid projectId)
        => UserAdministration.OfMyOrganisation(db)
            .Where(u => !db.ProjectMembers.Any(m => m.ProjectId == projectId && m.UserId == u.Id))
            .Where(u => !db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Administrator)));

    public static async Task<ProjectMember?> AddMemberAsync(BrobyggeDb db, Guid projectId, MemberInput input, Problems problems, CancellationToken cancellationToken)
    {
        var project = await MineAsync(db, projectId, cancellationToken);
        if (input.UserId is not { } userId || !await Candidates(db, project.Id).AnyAsync(u => u.Id == userId, cancellationToken))
        {
            problems.Add(nameof(input.UserId), "Choose a colleague who is not yet in the project.");
            return null;
        }
        var member = new ProjectMember { OrganisationId = project.OrganisationId, ProjectId = project.Id, UserId = userId };
        db.ProjectMembers.Add(member);
        AdminAudit.Changed(db, AuditAction.Create, nameof(ProjectMember), member.Id);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    /// <summary>Takes a staff member out of the project; refused while participants of the project are assigned to them,
    /// who would otherwise keep a coach outside it.</summary>
    public static async Task<ProjectMember?> RemoveMemberAsync(BrobyggeDb db, Guid projectId, Guid memberId, Problems problems, CancellationToken cancellationToken)
    {
        var project = await MineAsync(db, projectId, cancellationToken);
        var member = await db.ProjectMembers.SingleOrDefaultAsync(m => m.Id == memberId && m.ProjectId == project.Id, cancellationToken)
            ?? throw new NotFoundException("The staff member");
        if (member.UserId == db.Scope.UserId)
            problems.Add("", "You cannot take yourself out of the project: another project manager or the administrator can.");
        else if (await db.Assignments.AnyAsync(a => a.StaffId == member.UserId && a.EndedOn == null && a.Enrolment!.ProjectId == project.Id && a.Enrolment.ExitedOn == null, cancellationToken))
            problems.Add("", "Participants of the project are assigned to them: hand them over to a colleague first.");
        if (problems.Any)
            return null;
        db.ProjectMembers.Remove(member);
        AdminAudit.Changed(db, AuditAction.Delete, nameof(ProjectMember), member.Id);
        await db.SaveChangesAsync(cancellationToken);
        return member;
    }

    public static async Task<ProjectPartner?> AddPartnerAsync(BrobyggeDb db, Guid projectId, PartnerInput input, Problems problems, CancellationToken cancellationToken)
    {
        var project = await MineAsync(db, projectId, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Name))
            problems.Add(nameof(input.Name), "Enter the partner organisation's name.");
        problems.CheckLength(nameof(input.Name), input.Name, 200);
        if (input.Kind is null)
            problems.Add(nameof(input.Kind), "Choose the kind of organisation.");
        if (problems.Any)
            return null;
        var partner = new ProjectPartner { OrganisationId = project.OrganisationId, ProjectId = project.Id, Name = input.Name!.Trim(), Kind = input.Kind!.Value };
        db.ProjectPartners.Add(partner);
        AdminAudit.Changed(db, AuditAction.Create, nameof(ProjectPartner), partner.Id);
        await db.SaveChangesAsync(cancellationToken);
        return partner;
    }

    /// <summary>Takes a partner organisation out of the project; refused while a participant's consent names it.</summary>
    public static async Task<ProjectPartner?> RemovePartnerAsync(BrobyggeDb db, Guid projectId, Guid partnerId, Problems problems, CancellationToken cancellationToken)
    {
        var project = await MineAsync(db, projectId, cancellationToken);
        var partner = await db.ProjectPartners.SingleOrDefaultAsync(p => p.Id == partnerId && p.ProjectId == project.Id, cancellationToken)
            ?? throw new NotFoundException("The partner organisation");
        db.ProjectPartners.Remove(partner);
        AdminAudit.Changed(db, AuditAction.Delete, nameof(ProjectPartner), partner.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A consent to share with it refers to it (a foreign key), also one the manager cannot see: it stays.
            problems.Add("", "Participants' consents name this partner organisation, so it stays in the project.");
            return null;
        }
        return partner;
    }
}
