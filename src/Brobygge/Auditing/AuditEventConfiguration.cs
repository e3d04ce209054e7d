using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Auditing;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(60);
        builder.Property(a => a.Source).HasMaxLength(60);
        builder.Property(a => a.Route).HasMaxLength(200);
        builder.HasIndex(a => new { a.OrganisationId, a.EntityId });
        builder.HasIndex(a => new { a.OrganisationId, a.At });
        builder.HasIndex(a => a.OrganisationId);
        // Not unique: events from before the order existed all carry 0.
        builder.HasIndex(a => new { a.OrganisationId, a.Sequence });
    }
}
