using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Enrolments;

public sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.Property(e => e.Reference).HasMaxLength(60);
        builder.HasIndex(e => new { e.ProjectId, e.PersonId }).IsUnique();
        builder.HasIndex(e => new { e.ProjectId, e.Reference }).IsUnique();
        builder.HasIndex(e => new { e.OrganisationId, e.ProjectId, e.EnrolledOn });
        builder.HasOne(e => e.Project).WithMany().HasForeignKey(e => e.ProjectId);
        builder.HasMany(e => e.Assignments).WithOne(a => a.Enrolment).HasForeignKey(a => a.EnrolmentId);
        builder.HasMany(e => e.Activities).WithOne(a => a.Enrolment).HasForeignKey(a => a.EnrolmentId);
        builder.HasMany(e => e.Outcomes).WithOne(o => o.Enrolment).HasForeignKey(o => o.EnrolmentId);
        builder.HasMany(e => e.FollowUps).WithOne(f => f.Enrolment).HasForeignKey(f => f.EnrolmentId);
        builder.IsVersioned();
    }
}
