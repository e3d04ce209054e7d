using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Projects;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => new { p.OrganisationId, p.Code }).IsUnique();
        builder.HasMany(p => p.Goals).WithOne().HasForeignKey(g => g.ProjectId);
        builder.HasMany(p => p.Partners).WithOne().HasForeignKey(p => p.ProjectId);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.ProjectId);
        builder.HasIndex(p => p.OrganisationId);
    }
}
