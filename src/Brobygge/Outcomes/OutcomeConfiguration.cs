using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Outcomes;

public sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> builder)
    {
        builder.HasIndex(o => new { o.EnrolmentId, o.StartedOn });
        builder.IsVersioned();
        builder.IsRecorded();
    }
}
