using Brobygge.Auditing;
using Brobygge.Data;

namespace Brobygge.Administration;

/// <summary>
/// An administrator's changes (users, roles, projects, the organisation's settings) hold no personal data of
/// participants, so the save pipeline does not audit them by itself; each operation here adds its event to the same
/// save, where the pipeline numbers it in the organisation's audit order.
/// </summary>
public static class AdminAudit
{
    public static void Changed(BrobyggeDb db, AuditAction action, string entityType, Guid entityId)
        => db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = db.Scope.OrganisationId,
            UserId = db.Scope.UserId,
            Source = db.Scope.Source,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
        });
}
