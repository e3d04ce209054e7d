using Brobygge.Enrolments;
using Brobygge.Participants;

namespace Brobygge.Projects;

/// <summary>The rules a project answers to (PRODUCT.md, "Funder profiles"). A profile is configuration over the same
/// records, never a copy of them: it says which facts are collected at entry and leaving, which special categories are
/// asked at all, which bands the reports use and which reports exist.</summary>
public enum FunderProfileKind { None, Esf2014, EsfPlus2021, Amif2014, Amif2021 }

/// <summary>Facts about a participant at entry, by the names the enrolment keeps them under.</summary>
public enum EntryFact { Gender, AgeAtEntry, Education, LabourMarketStatus, UnemployedSince, Citizenship, CountryOfBirth, HomeMunicipality }

/// <summary>Facts collected at and after leaving.</summary>
public enum LeavingFact { ExitReason, SituationUponLeaving, SixMonthFollowUp }

/// <summary>Special categories of personal data (GDPR Art. 9(1)) or data as sensitive: asked only where the funder's
/// indicators require them, and kept apart (<see cref="SpecialCategoryAnswer"/>).</summary>
public enum SpecialCategory { Disability, Minority, Homelessness }

public enum FunderReport { GoalAttainment, EsfCommonOutputIndicators, EsfImmediateResultIndicators, EsfLongerTermResultIndicators, AmifIndicators }

/// <summary>How a participant may be identified.</summary>
public enum IdentityKind { Personnummer, Samordningsnummer, LmaNumber, ProjectReference }

/// <summary>Ages in whole years at entry, both ends included; null for an open end.</summary>
public sealed record AgeBand(string Name, int? From, int? To)
{
    public bool Holds(int age) => (From is null || age >= From) && (To is null || age <= To);
}

/// <summary>ISCED 2011 levels, both ends included.</summary>
public sealed record EducationBand(string Name, int From, int To)
{
    public bool Holds(int isced) => isced >= From && isced <= To;
}

public sealed record FunderProfile(
    FunderProfileKind Kind,
    string Regulation,
    IReadOnlyList<EntryFact> AtEntry,
    IReadOnlyList<LeavingFact> AtLeaving,
    IReadOnlyList<SpecialCategory> SpecialCategories,
    IReadOnlyList<Gender> Genders,
    IReadOnlyList<AgeBand> AgeBands,
    IReadOnlyList<EducationBand> EducationBands,
    IReadOnlyList<IdentityKind> Identities,
    IReadOnlyList<FunderReport> Reports)
{
    public bool Collects(SpecialCategory category) => SpecialCategories.Contains(category);

    /// <summary>The band an age falls in; null when the profile reports none for it (e.g. ESF 2014–2020 reports 25–54
    /// in no age indicator).</summary>
    public AgeBand? AgeBandOf(int age) => AgeBands.FirstOrDefault(b => b.Holds(age));

    public EducationBand? EducationBandOf(int isced) => EducationBands.FirstOrDefault(b => b.Holds(isced));

    /// <summary>The profile of each kind: code, so a rule changes with a review, not with a row someone edited.</summary>
    public static FunderProfile Of(FunderProfileKind kind) => kind switch
    {
        FunderProfileKind.Esf2014 => Esf2014,
        FunderProfileKind.EsfPlus2021 => EsfPlus2021,
        FunderProfileKind.Amif2014 => Amif2014,
        FunderProfileKind.Amif2021 => Amif2021,
        _ => Local,
    };

    private static readonly IdentityKind[] SwedishIdentity = [IdentityKind.Personnummer, IdentityKind.Samordningsnummer, IdentityKind.ProjectReference];

    /// <summary>ESF 2014–2020: Regulation (EU) No 1304/2013, Annex I. Point 1 (common output indicators for
    /// participants): labour-market status (unemployed incl. long-term, long-term unemployed, inactive, inactive not in
    /// education or training, employed incl. self-employed), "below 25 years of age", "above 54 years of age", "primary
    /// (ISCED 1) or lower secondary education (ISCED 2)", "upper secondary (ISCED 3) or post-secondary education
    /// (ISCED 4)", "tertiary education (ISCED 5 to 8)"; "migrants, participants with a foreign background, minorities",
    /// "participants with disabilities", "homeless or affected by housing exclusion", "from rural areas". All broken
    /// down by gender (women, men). Point 2: immediate result indicators upon leaving; point 3: longer-term (six months
    /// after leaving). ISCED 0 falls in no education band of this regulation.</summary>
    public static readonly FunderProfile Esf2014 = new(FunderProfileKind.Esf2014, "Regulation (EU) No 1304/2013, Annex I",
        AtEntry: [EntryFact.Gender, EntryFact.AgeAtEntry, EntryFact.Education, EntryFact.LabourMarketStatus, EntryFact.UnemployedSince,
            EntryFact.CountryOfBirth, EntryFact.HomeMunicipality],
        AtLeaving: [LeavingFact.ExitReason, LeavingFact.SituationUponLeaving, LeavingFact.SixMonthFollowUp],
        SpecialCategories: [SpecialCategory.Disability, SpecialCategory.Minority, SpecialCategory.Homelessness],
        Genders: [Gender.Woman, Gender.Man],
        AgeBands: [new("below 25", null, 24), new("above 54", 55, null)],
        EducationBands: [new("ISCED 1-2", 1, 2), new("ISCED 3-4", 3, 4), new("ISCED 5-8", 5, 8)],
        Identities: SwedishIdentity,
        Reports: [FunderReport.GoalAttainment, FunderReport.EsfCommonOutputIndicators, FunderReport.EsfImmediateResultIndicators, FunderReport.EsfLongerTermResultIndicators]);

    /// <summary>ESF+ 2021–2027: Regulation (EU) 2021/1057, Annex I. "All personal data are to be broken down by gender
    /// (female, male, non-binary)". Point 1.1 (common output indicators on participants): labour-market status, "below 18
    /// years of age", "18-29 years of age", "55 years of age and above", "with lower secondary education or less
    /// (ISCED 0-2)", "with upper secondary (ISCED 3) or post-secondary education (ISCED 4)", "with tertiary education
    /// (ISCED 5 to 8)". Point 1.2 (other common output indicators): "participants with disabilities", "third-country
    /// nationals", "participants of foreign origin", "minorities (including marginalised communities such as the Roma)",
    /// "homeless or affected by housing exclusion", "participants from rural areas". Point 2: immediate result indicators
    /// (upon leaving); point 3: longer-term (six months after leaving).</summary>
    public static readonly FunderProfile EsfPlus2021 = new(FunderProfileKind.EsfPlus2021, "Regulation (EU) 2021/1057, Annex I",
        AtEntry: [EntryFact.Gender, EntryFact.AgeAtEntry, EntryFact.Education, EntryFact.LabourMarketStatus, EntryFact.UnemployedSince,
            EntryFact.Citizenship, EntryFact.CountryOfBirth, EntryFact.HomeMunicipality],
        AtLeaving: [LeavingFact.ExitReason, LeavingFact.SituationUponLeaving, LeavingFact.SixMonthFollowUp],
        SpecialCategories: [SpecialCategory.Disability, SpecialCategory.Minority, SpecialCategory.Homelessness],
        Genders: [Gender.Woman, Gender.Man, Gender.NonBinary],
        AgeBands: [new("below 18", null, 17), new("18-29", 18, 29), new("55 and above", 55, null)],
        EducationBands: [new("ISCED 0-2", 0, 2), new("ISCED 3-4", 3, 4), new("ISCED 5-8", 5, 8)],
        Identities: SwedishIdentity,
        Reports: [FunderReport.GoalAttainment, FunderReport.EsfCommonOutputIndicators, FunderReport.EsfImmediateResultIndicators, FunderReport.EsfLongerTermResultIndicators]);

    /// <summary>AMIF 2014–2020: Regulation (EU) No 516/2014. Its target group is third-country nationals (Art. 9), hence
    /// citizenship; its common indicators (Annex IV) count persons reached and define no age or education bands, so
    /// none are reported. Asylum seekers are identified by samordningsnummer or the LMA number (Migrationsverket's card,
    /// lagen (1994:137) om mottagande av asylsökande m.fl.) as well as personnummer.</summary>
    public static readonly FunderProfile Amif2014 = new(FunderProfileKind.Amif2014, "Regulation (EU) No 516/2014",
        AtEntry: [EntryFact.Gender, EntryFact.AgeAtEntry, EntryFact.Citizenship],
        AtLeaving: [LeavingFact.ExitReason],
        SpecialCategories: [],
        Genders: [Gender.Woman, Gender.Man],
        AgeBands: [],
        EducationBands: [],
        Identities: [IdentityKind.Personnummer, IdentityKind.Samordningsnummer, IdentityKind.LmaNumber, IdentityKind.ProjectReference],
        Reports: [FunderReport.GoalAttainment, FunderReport.AmifIndicators]);

    /// <summary>AMIF 2021–2027: Regulation (EU) 2021/1147, Annex VIII (output and result indicators): participants broken
    /// down by age (below 18, 18-60, above 60) and gender (female, male, non-binary). Target group third-country nationals,
    /// hence citizenship.</summary>
    public static readonly FunderProfile Amif2021 = new(FunderProfileKind.Amif2021, "Regulation (EU) 2021/1147, Annex VIII",
        AtEntry: [EntryFact.Gender, EntryFact.AgeAtEntry, EntryFact.Citizenship],
        AtLeaving: [LeavingFact.ExitReason],
        SpecialCategories: [],
        Genders: [Gender.Woman, Gender.Man, Gender.NonBinary],
        AgeBands: [new("below 18", null, 17), new("18-60", 18, 60), new("above 60", 61, null)],
        EducationBands: [],
        Identities: [IdentityKind.Personnummer, IdentityKind.Samordningsnummer, IdentityKind.LmaNumber, IdentityKind.ProjectReference],
        Reports: [FunderReport.GoalAttainment, FunderReport.AmifIndicators]);

    /// <summary>No funder's rules (a municipal or local project, e.g. Finsam): the project's own goals only.</summary>
    public static readonly FunderProfile Local = new(FunderProfileKind.None, "",
        AtEntry: [EntryFact.LabourMarketStatus], AtLeaving: [LeavingFact.ExitReason], SpecialCategories: [],
        Genders: [Gender.Woman, Gender.Man, Gender.NonBinary], AgeBands: [], EducationBands: [],
        Identities: SwedishIdentity, Reports: [FunderReport.GoalAttainment]);

    /// <summary>The enrolment form's field for each fact, named in the problem when the fact is missing.</summary>
    public static string FieldOf(EntryFact fact) => fact switch
    {
        EntryFact.Education => "EducationLevel",
        EntryFact.LabourMarketStatus => "StatusAtEntry",
        _ => fact.ToString(),
    };

    /// <summary>
    /// Names every fact the profile requires at entry that is missing. <paramref name="facts"/> holds the facts the
    /// enrolment has a place for, with their values (null = not given); a fact with no place yet is not asked.
    /// Unemployed-since is required only of an unemployed participant (it decides "long-term unemployed").
    /// </summary>
    public void CheckEntry(IReadOnlyDictionary<EntryFact, object?> facts, SpecialCategoriesInput? specialCategories, Problems problems)
    {
        foreach (var fact in AtEntry)
        {
            if (!facts.TryGetValue(fact, out var value) || value is not null || problems.ByField.ContainsKey(FieldOf(fact)))
                continue;
            if (fact == EntryFact.UnemployedSince
                && facts.GetValueOrDefault(EntryFact.LabourMarketStatus) is not (LabourStatusAtEntry.Unemployed or LabourStatusAtEntry.LongTermUnemployed))
                continue;
            problems.Add(FieldOf(fact), MissingMessage(fact));
        }
        Enrolments.SpecialCategories.Check(this, specialCategories, problems);
    }

    private static string MissingMessage(EntryFact fact) => fact switch
    {
        EntryFact.Gender => "The project's funder requires the gender at entry.",
        EntryFact.AgeAtEntry => "The project's funder requires the age at entry.",
        EntryFact.Education => "The project's funder requires the education level at entry.",
        EntryFact.LabourMarketStatus => "Choose the labour-market status at entry.",
        EntryFact.UnemployedSince => "The project's funder requires the date the unemployment began.",
        EntryFact.Citizenship => "The project's funder requires the citizenship.",
        EntryFact.CountryOfBirth => "The project's funder requires the country of birth.",
        _ => "The project's funder requires the home municipality.",
    };
}
