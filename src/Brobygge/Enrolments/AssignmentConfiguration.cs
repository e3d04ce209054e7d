using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Enrolments;

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> builder)
    {
        builder.HasIndex(a => new { a.StaffId, a.EndedOn });
        // One current coach and one current bridge-builder per participant, also when two hand-overs race
        // (StaffOperations.AssignAsync turns the refusal into a conflict). The quoted SQL suits both providers.
        // History rows (an ended assignment's earlier, open version) and removed rows are not current.
        builder.HasIndex(a => new { a.EnrolmentId, a.Role }).IsUnique()
            .HasFilter("\"EndedOn\" IS NULL AND \"HistoryOf\" IS NULL AND \"RemovedAt\" IS NULL");
        // Kept beside the filtered one, which cannot find ended assignments (history, caseloads as of a date).
        builder.HasIndex(a => a.EnrolmentId);
        builder.HasOne(a => a.Staff).WithMany().HasForeignKey(a => a.StaffId);
        builder.HasIndex(a => a.OrganisationId);
        builder.IsRecorded();
    }
}
