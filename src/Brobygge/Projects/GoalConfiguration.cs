using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Projects;

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasIndex(g => new { g.ProjectId, g.Indicator, g.Gender }).IsUnique();
        builder.HasIndex(g => g.OrganisationId);
    }
}
