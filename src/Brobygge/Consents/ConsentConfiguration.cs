using Brobygge.Participants;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Consents;

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        // Two events recorded at once on the same view of the purpose: the second is refused (409), not reordered.
        // History rows repeat their live row's number and a removed row gives its number up, so only live rows count.
        builder.HasIndex(c => new { c.PersonId, c.Number }).IsUnique().HasFilter("\"HistoryOf\" IS NULL AND \"RemovedAt\" IS NULL");
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
        builder.HasOne<ProjectPartner>().WithMany().HasForeignKey(c => c.PartnerId);
        builder.Property(c => c.FormReference).HasMaxLength(100);
        builder.Property(c => c.Witness).HasMaxLength(200);
        builder.Property(c => c.RemovalReason).HasMaxLength(500);
    }
}
