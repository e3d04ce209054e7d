using Brobygge.Data;

namespace Brobygge.Auditing;

/// <summary>Who read or changed which record, when, from where. Append-only: the database context
/// refuses to change or delete one.</summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public DateTime At { get; init; } = DateTime.UtcNow;
    public Guid? UserId { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public Guid EntityId { get; set; }

    /// <summary>Remote address for web requests, "cli" for the command line.</summary>
    public string? Source { get; set; }
}

public enum AuditAction { Read, Create, Update, Delete }
