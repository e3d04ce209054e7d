using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Consents;

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.HasIndex(c => new { c.PersonId, c.Purpose });
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId);
    }
}
