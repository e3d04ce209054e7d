using Brobygge.Data;
using Brobygge.Enrolments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Leaving;

/// <summary>
/// The participant's situation upon leaving, one row per situation (a person may both study and have gained a
/// qualification), each with its date. "Upon leaving" is the ESF's immediate result (Regulation (EU) No 1304/2013,
/// Annex I, point 2; Regulation (EU) 2021/1057, Annex I, point 2): the situation within four weeks after the exit,
/// so its date lies from the exit date to four weeks after it (<see cref="LeavingRules"/>).
/// </summary>
public sealed class LeavingSituation : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public LeavingSituationKind Kind { get; set; }

    /// <summary>The date the situation held (began, or was established).</summary>
    public DateOnly On { get; set; }

    /// <summary>For <see cref="LeavingSituationKind.QualificationGained"/>: the qualification.</summary>
    public Guid? QualificationId { get; set; }
    public Qualification? Qualification { get; set; }

    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}

/// <summary>The ESF's common immediate result indicators: "engaged in job searching", "in education/training", "gaining
/// a qualification", "in employment, including self-employment" upon leaving (Regulation (EU) 2021/1057, Annex I,
/// point 2; in Regulation (EU) No 1304/2013, Annex I, point 2, job searching counts only those inactive at entry).</summary>
public enum LeavingSituationKind { InWork, InEducationOrTraining, JobSearching, QualificationGained }

/// <summary>A qualification the participant gained: what, when and who awarded it (a certificate, a validated foreign
/// degree, a driving licence for a trade).</summary>
public sealed class Qualification : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public required string What { get; set; }
    public DateOnly AwardedOn { get; set; }
    public required string Issuer { get; set; }

    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}

public static class LeavingRules
{
    /// <summary>"Upon leaving" is within four weeks of the exit (the Commission's ESF monitoring guidance on the immediate
    /// result indicators of Regulation (EU) No 1304/2013 and 2021/1057, Annex I, point 2).</summary>
    public const int WindowDays = 28;

    /// <summary>Whether a situation dated <paramref name="on"/> is "upon leaving" an exit on <paramref name="exitedOn"/>:
    /// from the exit date to four weeks after it, both included. A reader counts a situation only against the
    /// enrolment's current exit, so a corrected exit or a re-entry leaves an earlier situation out.</summary>
    public static bool IsUponLeaving(DateOnly on, DateOnly exitedOn) => on >= exitedOn && on <= exitedOn.AddDays(WindowDays);
}

public sealed class LeavingSituationConfiguration : IEntityTypeConfiguration<LeavingSituation>
{
    public void Configure(EntityTypeBuilder<LeavingSituation> builder)
    {
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(s => s.EnrolmentId);
        builder.HasOne(s => s.Qualification).WithMany().HasForeignKey(s => s.QualificationId);
        builder.HasIndex(s => new { s.EnrolmentId, s.On });
        builder.Property(s => s.RemovalReason).HasMaxLength(500);
    }
}

public sealed class QualificationConfiguration : IEntityTypeConfiguration<Qualification>
{
    public void Configure(EntityTypeBuilder<Qualification> builder)
    {
        builder.HasOne<Enrolment>().WithMany().HasForeignKey(q => q.EnrolmentId);
        builder.HasIndex(q => q.EnrolmentId);
        builder.Property(q => q.What).HasMaxLength(200);
        builder.Property(q => q.Issuer).HasMaxLength(200);
        builder.Property(q => q.RemovalReason).HasMaxLength(500);
    }
}
