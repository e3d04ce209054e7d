using System.Security.Claims;

namespace Brobygge.Identity;

/// <summary>
/// Whose eyes a database context reads with. The query filters of <see cref="Data.BrobyggeDb"/> apply it
/// to every query, so access rules live in one place: staff see their own participants, project
/// managers their projects' participants, and roles without a need see no personal data at all.
/// </summary>
public sealed class AccessScope
{
    public const string OrganisationClaim = "brobygge:organisation";

    /// <summary>The command line, start-up and background work: every organisation, every row.</summary>
    public static AccessScope System { get; } = new(isSystem: true, Guid.Empty, Guid.Empty, []);

    /// <summary>An anonymous request sees nothing.</summary>
    public static AccessScope Nobody { get; } = new(isSystem: false, Guid.Empty, Guid.Empty, []);

    public AccessScope(bool isSystem, Guid organisationId, Guid userId, IReadOnlyCollection<string> roles, string? source = null)
    {
        Source = source;
        IsSystem = isSystem;
        OrganisationId = organisationId;
        UserId = userId;
        Roles = roles;
    }

    public bool IsSystem { get; }
    public Guid OrganisationId { get; }
    public Guid UserId { get; }
    public IReadOnlyCollection<string> Roles { get; }

    /// <summary>Where the work comes from, for the audit log: a remote address, or "cli".</summary>
    public string? Source { get; }

    /// <summary>Project managers see every participant of the projects they are members of.</summary>
    public bool SeesProjectParticipants => Roles.Contains(Identity.Roles.ProjectManager);

    /// <summary>Coaches and bridge-builders see the participants assigned to them and the contacts they registered.</summary>
    public bool SeesAssignedParticipants => Roles.Contains(Identity.Roles.Coach) || Roles.Contains(Identity.Roles.BridgeBuilder);

    public static AccessScope For(ClaimsPrincipal? user, string? source)
    {
        if (user?.Identity?.IsAuthenticated != true)
            return Nobody;
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(user.FindFirstValue(OrganisationClaim), out var organisationId))
            return Nobody;
        var roles = user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToArray();
        return new AccessScope(isSystem: false, organisationId, userId, roles, source);
    }
}
