using Brobygge.Data;

namespace Brobygge.Auditing;

/// <summary>Who read or changed which record, when, from where, or was refused it. Holds ids only, never names or
/// identity numbers, so erasing a person leaves the trail intact. Append-only: the database context refuses to change
/// or delete one.</summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }

    /// <summary>The organisation's audit order: 1, 2, 3, … without gaps, in commit order (the database context assigns
    /// it in the transaction that writes the event), so a hash chain per organisation can be laid over it. 0 for events
    /// written before the order existed.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; init; } = DateTime.UtcNow;
    public Guid? UserId { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }

    /// <summary>The record read, changed or asked for; <see cref="Guid.Empty"/> when the event concerns no single record
    /// (a list read, a refused write to a collection).</summary>
    public Guid EntityId { get; set; }

    /// <summary>For a list read: the ids of the records the list showed, in the order shown.</summary>
    public List<Guid>? ShownIds { get; set; }

    /// <summary>What the request asked for: its method and page ("GET /Participants/Details") or route template
    /// ("GET /api/v1/participants/{personId:guid}"), never the values in it.</summary>
    public string? Route { get; set; }

    /// <summary>Remote address for web requests, "cli" for the command line.</summary>
    public string? Source { get; set; }
}

public enum AuditAction
{
    Read, Create, Update, Delete,

    /// <summary>A list of records was shown; their ids are in <see cref="AuditEvent.ShownIds"/>.</summary>
    ListRead,

    /// <summary>Authorization refused the request (403): the user's role may not do this.</summary>
    Forbidden,

    /// <summary>The record asked for is outside the user's access, or does not exist (404): the two look the same to the
    /// user, but a series of them is a probe worth seeing.</summary>
    NotFound,

    /// <summary>A wrong password for an existing account (<see cref="AuditEvent.EntityId"/> is the account); attempts
    /// for unknown e-mail addresses belong to no organisation and are not recorded.</summary>
    LoginFailed,
}

/// <summary>The counter behind <see cref="AuditEvent.Sequence"/>: the last number given out in an organisation. Its row
/// is locked from the moment a transaction takes numbers until it commits, which is what makes the numbers follow
/// commit order.</summary>
public sealed class AuditSequence : ITenantOwned
{
    public Guid OrganisationId { get; set; }
    public long Last { get; set; }
}
