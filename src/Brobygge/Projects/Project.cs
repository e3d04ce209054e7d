using Brobygge.Data;

namespace Brobygge.Projects;

public sealed class Project : ITenantOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }

    /// <summary>Short code people type on the command line, unique within the organisation.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public string? Funder { get; set; }

    /// <summary>The funder's rules the project answers to: what is collected and reported (<see cref="Projects.FunderProfile"/>).</summary>
    public FunderProfileKind FunderProfile { get; set; }
    public string? TargetGroup { get; set; }
    public List<string> Districts { get; set; } = [];

    // Follow-up windows counted from the exit, where the funder asks for others than the defaults (FollowUpWindows).
    public int? FourWeekFollowUpFromDays { get; set; }
    public int? FourWeekFollowUpToDays { get; set; }
    public int? SixMonthFollowUpFromMonths { get; set; }
    public int? SixMonthFollowUpToMonths { get; set; }
    public Guid Version { get; set; }

    public List<Goal> Goals { get; init; } = [];
    public List<ProjectPartner> Partners { get; init; } = [];
    public List<ProjectMember> Members { get; init; } = [];
}

/// <summary>A partner organisation of a project; partner liaisons see only what participants consented
/// to share with it.</summary>
public sealed class ProjectPartner : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProjectId { get; set; }
    public required string Name { get; set; }
    public PartnerKind Kind { get; set; }
}

public enum PartnerKind { EmploymentService, SocialInsurance, Municipality, Housing, Healthcare, Other }

/// <summary>A staff member working in a project; project managers see every participant of their projects.</summary>
public sealed class ProjectMember : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid UserId { get; set; }
}

public static class ProjectAccess
{
    /// <summary>The projects the signed-in user works in (all of them for the system scope): the one place
    /// that says which projects a user may register contacts and enrol participants in.</summary>
    public static IQueryable<Project> MyProjects(this BrobyggeDb db)
        => db.Projects.Where(p => db.Scope.IsSystem || p.Members.Any(m => m.UserId == db.Scope.UserId));
}
