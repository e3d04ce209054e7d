using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Participants;

public sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.IdentityNumberIndex).HasMaxLength(64);
        builder.HasIndex(p => new { p.OrganisationId, p.IdentityNumberIndex }).IsUnique();
        builder.HasIndex(p => new { p.OrganisationId, p.LastName, p.FirstName });
        builder.Property(p => p.LmaNumberIndex).HasMaxLength(64);
        builder.HasIndex(p => new { p.OrganisationId, p.LmaNumberIndex }).IsUnique();
        builder.Property(p => p.MunicipalityCode).HasMaxLength(4);
        builder.HasMany(p => p.Enrolments).WithOne(e => e.Person).HasForeignKey(e => e.PersonId);
        builder.Ignore(p => p.FullName);
        builder.IsVersioned();
    }
}
