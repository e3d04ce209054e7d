using Brobygge.Codes;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Leaving;
using Brobygge.Projects;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Reports.Funders;

public sealed record FunderFigure(IndicatorDefinition Definition, GenderCounts Counts);

/// <summary>A funder report as of a date: the profile's indicators, each by gender.</summary>
public sealed record FunderReportResult(Guid ProjectId, string ProjectCode, string ProjectName, FunderProfile Profile, DateOnly AsOf, IReadOnlyList<FunderFigure> Figures)
{
    public string DefinitionsVersion => FunderIndicators.Version;

    /// <summary>The figures flattened to keys like <c>uponLeaving.inEmployment.women</c>, as a snapshot keeps them.</summary>
    public SortedDictionary<string, int> Flatten()
    {
        var flat = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var figure in Figures)
            foreach (var (part, value) in figure.Counts.Parts())
                flat[figure.Definition.Key + "." + part] = value;
        return flat;
    }
}

public static class FunderReports
{
    /// <summary>
    /// The funder report of the project as of <paramref name="asOf"/>: everything dated up to that day, as recorded now.
    /// One grouped query over the enrolments (each with the few facts that decide every indicator: the facts at entry,
    /// the special-category answers, whether a situation upon leaving of each kind is recorded against the current exit,
    /// the six-month follow-up status), whose groups are summed per indicator here.
    /// </summary>
    public static async Task<FunderReportResult> ComputeAsync(BrobyggeDb db, Project project, DateOnly asOf, CancellationToken cancellationToken)
    {
        var profile = FunderProfile.Of(project.FunderProfile);
        var groups = await GroupsAsync(db, project.Id, asOf, cancellationToken);
        var figures = FunderIndicators.Of(profile)
            .Select(definition => new FunderFigure(definition, groups.Where(g => definition.Counts(g.Facts))
                .Aggregate(GenderCounts.Zero, (sum, g) => sum.Add(g.Facts.Gender, g.Count))))
            .ToList();
        return new FunderReportResult(project.Id, project.Code, project.Name, profile, asOf, figures);
    }

    private sealed record Group(EnrolmentFacts Facts, int Count);

    private static async Task<List<Group>> GroupsAsync(BrobyggeDb db, Guid projectId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var freeMovement = Countries.FreeMovement.Select(c => c.ToUpperInvariant()).ToList();
        var situations = ReportAccess.ForAggregates<LeavingSituation>(db);
        var answers = ReportAccess.ForAggregates<SpecialCategoryAnswer>(db);
        // "Upon leaving": from the current exit to four weeks after it (LeavingRules.IsUponLeaving), and dated by the report date.
        var window = LeavingRules.WindowDays;
        var rows = await ReportAccess.ForAggregates<Enrolment>(db).AsNoTracking()
            .Where(e => e.ProjectId == projectId && e.EnrolledOn <= asOf)
            .Select(e => new
            {
                Exit = e.ExitedOn != null && e.ExitedOn <= asOf ? e.ExitedOn : null,
                e.Id,
                e.GenderAtEntry,
                e.AgeAtEntry,
                e.EducationLevelAtEntry,
                e.StatusAtEntry,
                e.CountryOfBirth,
                e.ParentsBornAbroad,
                e.FollowUp6mOn,
                e.FollowUp6mStatus,
                NoCitizenship = e.Citizenship.Count == 0,
                FreeMovement = e.Citizenship.Any(c => freeMovement.Contains(c)),
            })
            .Select(e => new
            {
                e.GenderAtEntry,
                e.AgeAtEntry,
                e.EducationLevelAtEntry,
                e.StatusAtEntry,
                e.NoCitizenship,
                e.FreeMovement,
                BornInSweden = e.CountryOfBirth == null ? (bool?)null : e.CountryOfBirth == "SE",
                e.ParentsBornAbroad,
                Disability = answers.Where(a => a.EnrolmentId == e.Id && a.Category == SpecialCategory.Disability).Select(a => (SpecialAnswer?)a.Answer).FirstOrDefault(),
                Minority = answers.Where(a => a.EnrolmentId == e.Id && a.Category == SpecialCategory.Minority).Select(a => (SpecialAnswer?)a.Answer).FirstOrDefault(),
                Homelessness = answers.Where(a => a.EnrolmentId == e.Id && a.Category == SpecialCategory.Homelessness).Select(a => (SpecialAnswer?)a.Answer).FirstOrDefault(),
                Left = e.Exit != null,
                InWork = situations.Any(s => s.EnrolmentId == e.Id && s.Kind == LeavingSituationKind.InWork && s.On >= e.Exit && s.On <= asOf && s.On <= e.Exit!.Value.AddDays(window)),
                InEducation = situations.Any(s => s.EnrolmentId == e.Id && s.Kind == LeavingSituationKind.InEducationOrTraining && s.On >= e.Exit && s.On <= asOf && s.On <= e.Exit!.Value.AddDays(window)),
                JobSearching = situations.Any(s => s.EnrolmentId == e.Id && s.Kind == LeavingSituationKind.JobSearching && s.On >= e.Exit && s.On <= asOf && s.On <= e.Exit!.Value.AddDays(window)),
                Qualification = situations.Any(s => s.EnrolmentId == e.Id && s.Kind == LeavingSituationKind.QualificationGained && s.On >= e.Exit && s.On <= asOf && s.On <= e.Exit!.Value.AddDays(window)),
                SixMonths = e.Exit != null && e.FollowUp6mOn <= asOf ? e.FollowUp6mStatus : null,
            })
            .GroupBy(e => new
            {
                e.GenderAtEntry, e.AgeAtEntry, e.EducationLevelAtEntry, e.StatusAtEntry, e.NoCitizenship, e.FreeMovement, e.BornInSweden, e.ParentsBornAbroad,
                e.Disability, e.Minority, e.Homelessness, e.Left, e.InWork, e.InEducation, e.JobSearching, e.Qualification, e.SixMonths,
            })
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return rows.Select(r => new Group(new EnrolmentFacts(
            r.Key.GenderAtEntry, r.Key.AgeAtEntry, r.Key.EducationLevelAtEntry, r.Key.StatusAtEntry,
            ThirdCountryNational: r.Key.NoCitizenship ? null : !r.Key.FreeMovement,
            ForeignBackground: EntryFacts.ForeignBackground(r.Key.BornInSweden switch { null => null, true => "SE", false => "XX" }, r.Key.ParentsBornAbroad),
            r.Key.Disability, r.Key.Minority, r.Key.Homelessness, r.Key.Left,
            r.Key.InWork, r.Key.InEducation, r.Key.JobSearching, r.Key.Qualification, r.Key.SixMonths), r.Count)).ToList();
    }
}
