using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Projects;

public sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.HasIndex(m => new { m.ProjectId, m.UserId }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId);
        builder.HasIndex(m => m.OrganisationId);
    }
}
