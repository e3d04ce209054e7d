using Brobygge.FollowUps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Enrolments;

public sealed class ParticipationPeriodConfiguration : IEntityTypeConfiguration<ParticipationPeriod>
{
    public void Configure(EntityTypeBuilder<ParticipationPeriod> builder)
    {
        builder.Property(p => p.RemovalReason).HasMaxLength(500);
        builder.HasOne(p => p.Enrolment).WithMany(e => e.Periods).HasForeignKey(p => p.EnrolmentId);
        builder.HasMany<FollowUp>().WithOne().HasForeignKey(f => f.PeriodId);
        // "Active on D" and "left between" read the periods of a project's enrolments by date.
        builder.HasIndex(p => new { p.OrganisationId, p.StartedOn, p.EndedOn });
        // One live period per start: an exit or re-entry on an enrolment read without its periods fails loudly
        // instead of adding a second first period.
        builder.HasIndex(p => new { p.EnrolmentId, p.StartedOn }).IsUnique().HasFilter("\"HistoryOf\" IS NULL AND \"RemovedAt\" IS NULL");
    }
}
