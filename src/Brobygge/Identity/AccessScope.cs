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

    /// <summary>The command line and start-up: every organisation, every row.</summary>
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
        // Anonymous requests keep their address: a failed login is audited with it.
        if (user?.Identity?.IsAuthenticated != true)
            return source is null ? Nobody : new AccessScope(isSystem: false, Guid.Empty, Guid.Empty, [], source);
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(user.FindFirstValue(OrganisationClaim), out var organisationId))
            return Nobody;
        var roles = user.FindAll(ClaimTypes.Role).Select(claim => claim.Value).ToArray();
        return new AccessScope(isSystem: false, organisationId, userId, roles, source);
    }
}

/// <summary>
/// Gives the <see cref="AccessScope"/> of the current request at the moment a query runs, not when the
/// database context is made: Identity makes the context during authentication (its security-stamp check),
/// before the request has its user. Fails closed: outside a request nobody sees anything, unless the work
/// says it is the system's (the command line, start-up) through <see cref="SystemScopes.CreateSystemScope"/>.
/// </summary>
public sealed class CurrentAccess
{
    private readonly IHttpContextAccessor? _http;
    private AccessScope? _fixed;
    private ClaimsPrincipal? _principal;
    private AccessScope _scope = AccessScope.Nobody;

    public CurrentAccess(IHttpContextAccessor http) => _http = http;

    private CurrentAccess(AccessScope scope) => _fixed = scope;

    public static CurrentAccess Of(AccessScope scope) => new(scope);

    /// <summary>This service scope's work is the system's: every organisation, every row.</summary>
    internal void RunAsSystem() => _fixed = AccessScope.System;

    public AccessScope Scope
    {
        get
        {
            if (_fixed is not null)
                return _fixed;
            if (_http?.HttpContext is not { } http)
                return AccessScope.Nobody;
            if (!ReferenceEquals(http.User, _principal))
            {
                _principal = http.User;
                _scope = AccessScope.For(http.User, http.Connection.RemoteIpAddress?.ToString());
            }
            return _scope;
        }
    }
}

public static class SystemScopes
{
    /// <summary>A service scope whose database contexts read and write with the system scope: only for the command
    /// line, start-up and infrastructure (keys), never for work done on a user's behalf.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services)
        => services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();

    /// <inheritdoc cref="CreateSystemScope(IServiceProvider)"/>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopes)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().RunAsSystem();
        return scope;
    }
}
