using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Activities;

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.HasIndex(a => new { a.EnrolmentId, a.OccurredOn });
        builder.IsVersioned();
        builder.IsRecorded();
    }
}
