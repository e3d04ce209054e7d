using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Plans;

public sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(300);
        builder.Property(s => s.Owner).HasMaxLength(200);
        builder.HasIndex(s => new { s.EnrolmentId, s.DueOn });
        builder.HasOne(s => s.Enrolment).WithMany().HasForeignKey(s => s.EnrolmentId);
        builder.IsVersioned();
        builder.IsRecorded();
    }
}
