using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.FollowUps;

public sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.HasIndex(f => new { f.OrganisationId, f.RecordedOn, f.DueOn });
        builder.IsVersioned();
        builder.IsRecorded();
    }
}
