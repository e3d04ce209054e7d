using Brobygge.Activities;
using Brobygge.Consents;
using Brobygge.Contacts;
using Brobygge.Mappings;
using Brobygge.Plans;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Outcomes;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Brobygge.Auditing;

/// <summary>Every read and write of personal data leaves an audit event (PRODUCT.md, "Privacy and security").</summary>
public static class AuditTrail
{
    private static readonly HashSet<Type> PersonalData =
        [typeof(Person), typeof(Contact), typeof(Enrolment), typeof(Assignment), typeof(Mapping), typeof(PlanStep), typeof(Activity), typeof(Outcome), typeof(FollowUp), typeof(Consent)];

    /// <summary>The audit event for a pending write, or null when the entry holds no personal data.</summary>
    internal static AuditEvent? Describe(EntityEntry entry)
    {
        if (!PersonalData.Contains(entry.Entity.GetType()) || entry.Entity is not ITenantOwned owned)
            return null;
        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Create,
            EntityState.Modified => AuditAction.Update,
            _ => AuditAction.Delete,
        };
        return new AuditEvent
        {
            OrganisationId = owned.OrganisationId,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = (Guid)entry.Property("Id").CurrentValue!,
        };
    }

    /// <summary>Records that the current user read a person's record.</summary>
    public static async Task RecordReadAsync(this BrobyggeDb db, Person person, CancellationToken cancellationToken = default)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            OrganisationId = person.OrganisationId,
            Action = AuditAction.Read,
            EntityType = nameof(Person),
            EntityId = person.Id,
            UserId = db.Scope.IsSystem ? null : db.Scope.UserId,
            Source = db.Scope.Source,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
