using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Participants;
using Brobygge.Projects;

namespace Brobygge.Reports.Funders;

/// <summary>What decides every funder indicator for one enrolment as of the report date: the few columns the report
/// groups by, so a project of any size is one grouped query whose small result is summed here.</summary>
public sealed record EnrolmentFacts(
    Gender Gender,
    int AgeAtEntry,
    int? Education,
    LabourStatusAtEntry Status,
    bool? ThirdCountryNational,
    bool? ForeignBackground,
    SpecialAnswer? Disability,
    SpecialAnswer? Minority,
    SpecialAnswer? Homelessness,
    bool Left,
    bool InWorkUponLeaving,
    bool InEducationUponLeaving,
    bool JobSearchingUponLeaving,
    bool QualificationUponLeaving,
    FollowUpStatus? SixMonthStatus);

public enum IndicatorPart { Output, Result }

/// <summary>One indicator of a funder report: its stable key (the snapshot keeps figures under it), its English name
/// (a resource key), where it is defined and which enrolments it counts.</summary>
public sealed record IndicatorDefinition(string Key, IndicatorPart Part, string Name, string Source, Func<EnrolmentFacts, bool> Counts);

/// <summary>
/// The indicators each funder profile reports, each with the regulation, annex, point and indicator code that defines
/// it. "Not known" and "declined to answer" are rows of their own, never folded into "no". The definitions change only
/// with a review, and <see cref="Version"/> with them, so a snapshot says which definitions made its figures.
/// </summary>
public static class FunderIndicators
{
    /// <summary>Kept in every snapshot; raise it when a definition below changes.</summary>
    public const string Version = "funder-indicators/2026-11-27";

    private const string Esf2014 = "Regulation (EU) No 1304/2013, Annex I";
    private const string EsfPlus = "Regulation (EU) 2021/1057, Annex I";
    private const string Amif2014 = "Regulation (EU) No 516/2014, Annex IV";
    private const string Amif2021 = "Regulation (EU) 2021/1147, Annex VIII";

    public static IReadOnlyList<IndicatorDefinition> Of(FunderProfile profile) => profile.Kind switch
    {
        FunderProfileKind.Esf2014 => Esf2014Indicators(profile),
        FunderProfileKind.EsfPlus2021 => EsfPlusIndicators(profile),
        FunderProfileKind.Amif2014 => AmifIndicators(profile, Amif2014 + ", specific objective 2 (integration): persons of the target group who received assistance"),
        FunderProfileKind.Amif2021 => AmifIndicators(profile, Amif2021 + ", point 2 (legal migration and integration), output indicator O.2.2: participants in support activities, by age and gender"),
        _ => [new("participants", IndicatorPart.Output, "Participants", "The project's own goals (no funder profile)", _ => true)],
    };

    private static bool Unemployed(EnrolmentFacts f) => f.Status is LabourStatusAtEntry.Unemployed or LabourStatusAtEntry.LongTermUnemployed;
    private static bool Inactive(EnrolmentFacts f) => f.Status is LabourStatusAtEntry.Inactive or LabourStatusAtEntry.InactiveNotInEducation;
    private static bool Employed(EnrolmentFacts f) => f.Status is LabourStatusAtEntry.Employed or LabourStatusAtEntry.SelfEmployed;

    /// <summary>ESF 2014–2020, Regulation (EU) No 1304/2013, Annex I: point 1 common output indicators (CO01–CO18),
    /// point 2 common immediate result indicators (CR01–CR04), point 3 longer-term (CR06). Gender: women and men.</summary>
    private static List<IndicatorDefinition> Esf2014Indicators(FunderProfile profile)
    {
        var list = new List<IndicatorDefinition>
        {
            new("participants", IndicatorPart.Output, "Participants", $"{Esf2014}, point 1: all participants", _ => true),
            new("unemployed", IndicatorPart.Output, "Unemployed, including long-term unemployed", $"{Esf2014}, point 1, CO01", Unemployed),
            new("longTermUnemployed", IndicatorPart.Output, "Long-term unemployed", $"{Esf2014}, point 1, CO02", f => f.Status == LabourStatusAtEntry.LongTermUnemployed),
            new("inactive", IndicatorPart.Output, "Inactive", $"{Esf2014}, point 1, CO03", Inactive),
            new("inactiveNotInEducation", IndicatorPart.Output, "Inactive, not in education or training", $"{Esf2014}, point 1, CO04", f => f.Status == LabourStatusAtEntry.InactiveNotInEducation),
            new("employed", IndicatorPart.Output, "Employed, including self-employed", $"{Esf2014}, point 1, CO05", Employed),
        };
        list.AddRange(AgeRows(profile, $"{Esf2014}, point 1", ["CO06", "CO07"]));
        list.AddRange(EducationRows(profile, $"{Esf2014}, point 1", ["CO09", "CO10", "CO11"]));
        list.AddRange(YesNoNotKnown("foreignBackground", "Foreign background", $"{Esf2014}, point 1, CO15 (migrants, participants with a foreign background, minorities): the foreign-background part, as Statistics Sweden defines it", f => f.ForeignBackground));
        list.AddRange(SpecialRows(profile, Esf2014, disability: "CO16", minority: "CO15 (its minorities part)", homelessness: "CO18"));
        list.AddRange(Results(Esf2014, jobSearching: "CR01 (inactive participants newly engaged in job searching upon leaving: counts only those inactive at entry)",
            jobSearchingCounts: f => Inactive(f) && f.JobSearchingUponLeaving, education: "CR02", qualification: "CR03", employment: "CR04", sixMonths: "point 3, CR06"));
        return list;
    }

    /// <summary>ESF+ 2021–2027, Regulation (EU) 2021/1057, Annex I: point 1.1 common output indicators on participants
    /// (EECO01–EECO11), point 1.2 other common output indicators (EECO12–EECO17), point 2 immediate result indicators
    /// (EECR01–EECR04), point 3 longer-term (EECR05). Gender: female, male, non-binary.</summary>
    private static List<IndicatorDefinition> EsfPlusIndicators(FunderProfile profile)
    {
        var list = new List<IndicatorDefinition>
        {
            new("participants", IndicatorPart.Output, "Participants", $"{EsfPlus}, point 1.1, EECO01 (total number of participants)", _ => true),
            new("unemployed", IndicatorPart.Output, "Unemployed, including long-term unemployed", $"{EsfPlus}, point 1.1, EECO02", Unemployed),
            new("longTermUnemployed", IndicatorPart.Output, "Long-term unemployed", $"{EsfPlus}, point 1.1, EECO03", f => f.Status == LabourStatusAtEntry.LongTermUnemployed),
            new("inactive", IndicatorPart.Output, "Inactive", $"{EsfPlus}, point 1.1, EECO04", Inactive),
            new("employed", IndicatorPart.Output, "Employed, including self-employed", $"{EsfPlus}, point 1.1, EECO05", Employed),
        };
        list.AddRange(AgeRows(profile, $"{EsfPlus}, point 1.1", ["EECO06", "EECO07", "EECO08"]));
        list.AddRange(EducationRows(profile, $"{EsfPlus}, point 1.1", ["EECO09", "EECO10", "EECO11"]));
        list.AddRange(YesNoNotKnown("thirdCountryNationals", "Third-country nationals", $"{EsfPlus}, point 1.2, EECO13", f => f.ThirdCountryNational));
        list.AddRange(YesNoNotKnown("foreignBackground", "Participants of foreign origin", $"{EsfPlus}, point 1.2, EECO14 (foreign background as Statistics Sweden defines it)", f => f.ForeignBackground));
        list.AddRange(SpecialRows(profile, EsfPlus + ", point 1.2", disability: "EECO12", minority: "EECO15", homelessness: "EECO16"));
        list.AddRange(Results(EsfPlus, jobSearching: "point 2, EECR01 (engaged in job searching upon leaving)", jobSearchingCounts: f => f.JobSearchingUponLeaving,
            education: "point 2, EECR02", qualification: "point 2, EECR03", employment: "point 2, EECR04", sixMonths: "point 3, EECR05"));
        return list;
    }

    /// <summary>AMIF: participants by gender and by the profile's age bands, and third-country nationals (the fund's
    /// target group, Regulation (EU) 2021/1147, Art. 2(6); Regulation (EU) No 516/2014, Art. 9).</summary>
    private static List<IndicatorDefinition> AmifIndicators(FunderProfile profile, string source)
    {
        var list = new List<IndicatorDefinition> { new("participants", IndicatorPart.Output, "Participants", source, _ => true) };
        list.AddRange(AgeRows(profile, source, profile.AgeBands.Select(_ => "").ToArray()));
        list.AddRange(YesNoNotKnown("thirdCountryNationals", "Third-country nationals", source + "; third-country national as in Regulation (EU) 2021/1147, Art. 2(6)", f => f.ThirdCountryNational));
        return list;
    }

    private static IEnumerable<IndicatorDefinition> AgeRows(FunderProfile profile, string source, string[] codes)
        => profile.AgeBands.Select((band, i) => new IndicatorDefinition("age." + Slug(band.Name), IndicatorPart.Output, "Age " + band.Name,
            $"{source}{(codes.ElementAtOrDefault(i) is { Length: > 0 } code ? ", " + code : "")}: age in whole years on the enrolment date", f => band.Holds(f.AgeAtEntry)));

    private static IEnumerable<IndicatorDefinition> EducationRows(FunderProfile profile, string source, string[] codes)
    {
        foreach (var (band, i) in profile.EducationBands.Select((b, i) => (b, i)))
            yield return new("education." + Slug(band.Name), IndicatorPart.Output, band.Name, $"{source}, {codes[i]}",
                f => f.Education is { } level && band.Holds(level));
        yield return new("education.notKnown", IndicatorPart.Output, "Education level not known", $"{source}: not known, reported apart", f => f.Education is null);
    }

    private static IEnumerable<IndicatorDefinition> YesNoNotKnown(string key, string name, string source, Func<EnrolmentFacts, bool?> fact)
    {
        yield return new(key, IndicatorPart.Output, name, source, f => fact(f) == true);
        yield return new(key + ".no", IndicatorPart.Output, name + ": no", source, f => fact(f) == false);
        yield return new(key + ".notKnown", IndicatorPart.Output, name + ": not known", source + ": not known, never counted as no", f => fact(f) is null);
    }

    private static IEnumerable<IndicatorDefinition> SpecialRows(FunderProfile profile, string source, string disability, string minority, string homelessness)
    {
        foreach (var category in profile.SpecialCategories)
        {
            var (key, name, code, answer) = category switch
            {
                SpecialCategory.Disability => ("disability", "Participants with disabilities", disability, (Func<EnrolmentFacts, SpecialAnswer?>)(f => f.Disability)),
                SpecialCategory.Minority => ("minority", "Minorities", minority, f => f.Minority),
                _ => ("homelessness", "Homeless or affected by housing exclusion", homelessness, f => f.Homelessness),
            };
            yield return new(key, IndicatorPart.Output, name, $"{source}, {code}", f => answer(f) == SpecialAnswer.Yes);
            yield return new(key + ".no", IndicatorPart.Output, name + ": no", $"{source}, {code}", f => answer(f) == SpecialAnswer.No);
            yield return new(key + ".declined", IndicatorPart.Output, name + ": declined to answer", $"{source}, {code}: declined to answer, never counted as no", f => answer(f) == SpecialAnswer.DeclinedToAnswer);
            yield return new(key + ".notKnown", IndicatorPart.Output, name + ": not known", $"{source}, {code}: not asked or not recorded, never counted as no", f => answer(f) is null);
        }
    }

    /// <summary>The result indicators: "upon leaving" is a situation dated from the exit to four weeks after it
    /// (Leaving/LeavingRules) against the enrolment's current exit; "six months after leaving" the six-month follow-up of
    /// the latest period, superseded and removed follow-ups never counted (EnrolmentMilestones).</summary>
    private static IEnumerable<IndicatorDefinition> Results(string regulation, string jobSearching, Func<EnrolmentFacts, bool> jobSearchingCounts,
        string education, string qualification, string employment, string sixMonths)
    {
        yield return new("leavers", IndicatorPart.Result, "Participants who have left", $"{regulation}, point 2: the base of the result indicators", f => f.Left);
        yield return new("uponLeaving.jobSearching", IndicatorPart.Result, "Engaged in job searching upon leaving", $"{regulation}, {jobSearching}", f => f.Left && jobSearchingCounts(f));
        yield return new("uponLeaving.inEducationOrTraining", IndicatorPart.Result, "In education or training upon leaving", $"{regulation}, {education}", f => f.Left && f.InEducationUponLeaving);
        yield return new("uponLeaving.qualification", IndicatorPart.Result, "Gaining a qualification upon leaving", $"{regulation}, {qualification}", f => f.Left && f.QualificationUponLeaving);
        yield return new("uponLeaving.inEmployment", IndicatorPart.Result, "In employment, including self-employment, upon leaving", $"{regulation}, {employment}", f => f.Left && f.InWorkUponLeaving);
        yield return new("sixMonths.inEmployment", IndicatorPart.Result, "In employment, including self-employment, six months after leaving", $"{regulation}, {sixMonths}", f => f.Left && f.SixMonthStatus == FollowUpStatus.Employed);
        yield return new("sixMonths.unreached", IndicatorPart.Result, "Not reached at the six-month follow-up", $"{regulation}, {sixMonths}: not reached, never counted as not employed", f => f.Left && f.SixMonthStatus == FollowUpStatus.Unreached);
        yield return new("sixMonths.notFollowedUp", IndicatorPart.Result, "No six-month follow-up recorded yet", $"{regulation}, {sixMonths}: not known", f => f.Left && f.SixMonthStatus is null);
    }

    private static string Slug(string name)
    {
        var words = name.Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(words.Select((w, i) => i == 0 ? w.ToLowerInvariant() : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
    }
}
