using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Auditing;

public sealed class AuditSequenceConfiguration : IEntityTypeConfiguration<AuditSequence>
{
    public void Configure(EntityTypeBuilder<AuditSequence> builder)
    {
        // Its query filter reads the access scope, so it stands with the others in Data/AccessFilters.cs.
        builder.HasKey(s => s.OrganisationId);
    }
}
