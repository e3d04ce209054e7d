using Brobygge.Data;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Contacts;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Language).HasMaxLength(3);
        builder.Property(c => c.Place).HasMaxLength(200);
        builder.HasIndex(c => new { c.OrganisationId, c.ProjectId, c.ContactedOn });
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId);
        builder.HasOne<Project>().WithMany().HasForeignKey(c => c.ProjectId);
        builder.IsVersioned();
        builder.IsRecorded();
    }
}
