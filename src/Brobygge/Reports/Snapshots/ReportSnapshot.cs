using Brobygge.Data;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Reports.Snapshots;

/// <summary>
/// A report as it was sent (PRODUCT.md, "Reports", point 4): its figures flattened to keys (<c>uponLeaving.inEmployment.women</c>),
/// the version of the definitions that made them, the as-of date, the instant it was made and by whom. Never changed:
/// re-running the report later compares against it and names the records that moved a figure since
/// (<see cref="SnapshotComparison"/>).
/// </summary>
public sealed class ReportSnapshot : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid ProjectId { get; set; }

    /// <summary>Which report: <see cref="SnapshotKinds.Funder"/> (others may follow, e.g. the goal report).</summary>
    public required string Kind { get; set; }
    public DateOnly AsOf { get; set; }
    public required string DefinitionsVersion { get; set; }

    /// <summary>The instant (UTC) the figures were taken: records entered, corrected or removed after it moved them.</summary>
    public DateTime MadeAt { get; set; }
    public Guid? MadeById { get; set; }

    /// <summary>The figures, key → count, as JSON.</summary>
    public required string Figures { get; set; }
}

public static class SnapshotKinds
{
    public const string Funder = "funder";
}

public sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> builder)
    {
        builder.HasOne<Project>().WithMany().HasForeignKey(s => s.ProjectId);
        builder.HasIndex(s => new { s.ProjectId, s.Kind, s.AsOf, s.MadeAt });
        builder.Property(s => s.Kind).HasMaxLength(20);
        builder.Property(s => s.DefinitionsVersion).HasMaxLength(60);
    }
}
