using Brobygge.Activities;
using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Leaving;

/// <summary>A situation upon leaving, as the form and the API post it; a qualification gained names the qualification.</summary>
public sealed class LeavingInput
{
    public LeavingSituationKind? Kind { get; set; }
    public DateOnly? On { get; set; }
    public QualificationInput? Qualification { get; set; }
}

public sealed class QualificationInput
{
    public string? What { get; set; }
    public DateOnly? AwardedOn { get; set; }
    public string? Issuer { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(What) && AwardedOn is null && string.IsNullOrWhiteSpace(Issuer);
}

/// <summary>Recording the situation upon leaving, shared by the page and the API.</summary>
public static class LeavingOperations
{
    /// <summary>The enrolment's situations upon its current exit and its qualifications. "Not found" when the
    /// enrolment is not visible.</summary>
    public static async Task<(DateOnly? ExitedOn, IReadOnlyList<LeavingSituation> Situations, IReadOnlyList<Qualification> Qualifications)> OfAsync(
        BrobyggeDb db, Guid enrolmentId, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId).Select(e => new { e.ExitedOn }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var situations = await db.LeavingSituations.AsNoTracking().Include(s => s.Qualification)
            .Where(s => s.EnrolmentId == enrolmentId && s.HistoryOf == null && s.RemovedAt == null)
            .OrderBy(s => s.On).ThenBy(s => s.Kind).ToListAsync(cancellationToken);
        var qualifications = await db.Qualifications.AsNoTracking()
            .Where(q => q.EnrolmentId == enrolmentId && q.HistoryOf == null && q.RemovedAt == null)
            .OrderBy(q => q.AwardedOn).ToListAsync(cancellationToken);
        return (enrolment.ExitedOn, situations.Where(s => enrolment.ExitedOn is { } exit && LeavingRules.IsUponLeaving(s.On, exit)).ToList(), qualifications);
    }

    public static async Task<LeavingSituation?> RecordAsync(BrobyggeDb db, Guid enrolmentId, LeavingInput input, DateOnly today, DateTime now,
        Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new { e.Id, e.OrganisationId, e.EnrolledOn, e.ExitedOn }).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        var (_, recorded, _) = await OfAsync(db, enrolmentId, cancellationToken);

        if (input.Kind is not { } kind)
            problems.Add(nameof(input.Kind), "Choose the situation upon leaving.");
        else if (recorded.Any(s => s.Kind == kind))
            problems.Add(nameof(input.Kind), "This situation is already recorded for the exit.");
        if (enrolment.ExitedOn is not { } exitedOn)
            problems.Add(nameof(input.On), "The participant has not left the project: record the exit first.");
        else if (input.On is not { } on)
            problems.Add(nameof(input.On), "Enter the date.");
        else if (!LeavingRules.IsUponLeaving(on, exitedOn))
            problems.Add(nameof(input.On), "The situation upon leaving is dated from the exit to four weeks after it.");
        else if (on > today)
            problems.Add(nameof(input.On), "The date cannot be in the future.");

        var qualification = input.Qualification is { IsEmpty: false } q ? q : null;
        const string prefix = nameof(LeavingInput.Qualification) + ".";
        if (input.Kind == LeavingSituationKind.QualificationGained)
        {
            if (string.IsNullOrWhiteSpace(qualification?.What))
                problems.Add(prefix + nameof(QualificationInput.What), "Enter the qualification.");
            if (string.IsNullOrWhiteSpace(qualification?.Issuer))
                problems.Add(prefix + nameof(QualificationInput.Issuer), "Enter who awarded the qualification.");
            if (qualification?.AwardedOn is not { } awarded)
                problems.Add(prefix + nameof(QualificationInput.AwardedOn), "Enter the date the qualification was awarded.");
            else if (awarded < enrolment.EnrolledOn || (input.On is { } situationOn && awarded > situationOn))
                problems.Add(prefix + nameof(QualificationInput.AwardedOn), "The qualification is gained during the participation or upon leaving.");
            problems.CheckLength(prefix + nameof(QualificationInput.What), qualification?.What, 200);
            problems.CheckLength(prefix + nameof(QualificationInput.Issuer), qualification?.Issuer, 200);
        }
        else if (qualification is not null)
            problems.Add(prefix + nameof(QualificationInput.What), "Only a qualification gained names a qualification.");
        if (problems.Any)
            return null;

        Guid? recordedBy = db.Scope.IsSystem ? null : db.Scope.UserId;
        var situation = new LeavingSituation
        {
            OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, Kind = input.Kind!.Value, On = input.On!.Value,
            RecordedAt = now, RecordedById = recordedBy, Origin = RecordOrigin.Staff,
        };
        if (input.Kind == LeavingSituationKind.QualificationGained)
            situation.Qualification = new Qualification
            {
                OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, What = qualification!.What!.Trim(),
                Issuer = qualification.Issuer!.Trim(), AwardedOn = qualification.AwardedOn!.Value,
                RecordedAt = now, RecordedById = recordedBy, Origin = RecordOrigin.Staff,
            };
        db.LeavingSituations.Add(situation);
        await db.SaveChangesAsync(cancellationToken);
        return situation;
    }
}
