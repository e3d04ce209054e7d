using Brobygge.Codes;
using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Enrolments;

/// <summary>
/// The facts at entry that funders count (ESF 2014–2020, Regulation (EU) No 1304/2013, Annex I; ESF+ 2021–2027,
/// Regulation (EU) 2021/1057, Annex I, point 1; AMIF, Regulation (EU) 2021/1147, Annex VIII), kept by the enrolment
/// itself: the person is shared and editable, and erasing them must not change a report already sent. Non-identifying
/// only (age in years, not the birth date). Taken from the person and the enrol form when the person is enrolled;
/// afterwards changed only by <see cref="EntryFactsOperations.CorrectAsync"/>, which is audited.
/// </summary>
public sealed partial class Enrolment
{
    public Gender GenderAtEntry { get; set; }

    /// <summary>Whole years on the enrolment date; each funder profile derives its own age bands from it.</summary>
    public int AgeAtEntry { get; set; }

    /// <summary>ISCED 2011 level 0–8, or null when not known.</summary>
    public int? EducationLevelAtEntry { get; set; }

    /// <summary>Since when the participant has been unemployed without a break; with the age at entry it decides
    /// long-term unemployment (<see cref="EntryFacts.IsLongTermUnemployed"/>).</summary>
    public DateOnly? UnemployedSince { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes, or <see cref="EntryFacts.Stateless"/> alone; empty when not known.</summary>
    public List<string> Citizenship { get; set; } = [];

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string? CountryOfBirth { get; set; }

    public ParentsBornAbroad? ParentsBornAbroad { get; set; }

    /// <summary>Four-digit code of the home municipality at entry (Codes/municipalities.csv).</summary>
    public string? MunicipalityAtEntry { get; set; }

    /// <summary>No citizenship of an EU or EEA state or Switzerland (AMIF, Regulation (EU) 2021/1147, Art. 2(6));
    /// null while the citizenship is not known.</summary>
    public bool? IsThirdCountryNational => EntryFacts.ThirdCountryNational(Citizenship);

    /// <summary>Foreign background as Statistics Sweden defines it: born abroad, or born in Sweden with both parents
    /// born abroad; null when that cannot be told.</summary>
    public bool? HasForeignBackground => EntryFacts.ForeignBackground(CountryOfBirth, ParentsBornAbroad);
}

/// <summary>Whether the participant's parents were born abroad (the import's <c>parents_born_abroad</c>).</summary>
public enum ParentsBornAbroad { Both, One, None, Unknown }

/// <summary>The rules of the facts at entry, shared by enrolment, correction, the API and the import.</summary>
public static class EntryFacts
{
    /// <summary>The citizenship value of a person without any citizenship.</summary>
    public const string Stateless = "stateless";

    /// <summary>The citizenship choices of the forms: stateless first, then every country by name.</summary>
    public static IEnumerable<(string Value, string Label)> CitizenshipChoices(Microsoft.Extensions.Localization.IStringLocalizer t)
        => CodeChoices.Countries().Prepend((Stateless, t["Stateless"].Value));

    /// <summary>Whole years from the birth date to the date (a birthday on 29 February counts on 28 February).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly on)
    {
        var age = on.Year - birthDate.Year;
        return birthDate.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>
    /// Long-term unemployed at entry: continuously unemployed for more than 6 months when under 25, more than 12
    /// months when 25 or older (the ESF/ESF+ definition, Regulation (EU) No 1304/2013 Annex I and Regulation (EU)
    /// 2021/1057 Annex I, following Eurostat's labour force survey).
    /// </summary>
    public static bool IsLongTermUnemployed(DateOnly unemployedSince, DateOnly enrolledOn, int ageAtEntry)
        => unemployedSince.AddMonths(ageAtEntry < 25 ? 6 : 12) < enrolledOn;

    /// <summary>Why the status at entry and the unemployment date disagree, or null when they agree (or either is missing).</summary>
    public static string? Disagreement(LabourStatusAtEntry? status, DateOnly? unemployedSince, DateOnly? enrolledOn, int? ageAtEntry)
    {
        if (status is null || unemployedSince is not { } since || enrolledOn is not { } on || ageAtEntry is not { } age)
            return null;
        if (since > on)
            return "The unemployment cannot start after the enrolment date.";
        var longTerm = IsLongTermUnemployed(since, on, age);
        return status switch
        {
            LabourStatusAtEntry.LongTermUnemployed when !longTerm => age < 25
                ? "Long-term unemployed under 25 means unemployed for more than 6 months before entry; the date says less."
                : "Long-term unemployed from 25 means unemployed for more than 12 months before entry; the date says less.",
            LabourStatusAtEntry.Unemployed when longTerm => "Unemployed that long before entry is long-term unemployment: choose that status.",
            LabourStatusAtEntry.Unemployed or LabourStatusAtEntry.LongTermUnemployed => null,
            _ => "Only an unemployed participant has an unemployment date; clear it or change the status.",
        };
    }

    public static bool? ThirdCountryNational(IReadOnlyCollection<string> citizenship)
        => citizenship.Count == 0 ? null : !citizenship.Any(Countries.FreeMovement.Contains);

    public static bool? ForeignBackground(string? countryOfBirth, ParentsBornAbroad? parents)
        => countryOfBirth switch
        {
            null => null,
            not "SE" => true,
            _ => parents switch
            {
                Enrolments.ParentsBornAbroad.Both => true,
                Enrolments.ParentsBornAbroad.One or Enrolments.ParentsBornAbroad.None => false,
                _ => null,
            },
        };

    /// <summary>The citizenship codes from codes or names separated by commas ("SY, Sverige", "stateless"), upper-cased
    /// and in order; or null with the problem when one is no country or "stateless" is not alone.</summary>
    public static List<string>? ParseCitizenship(IEnumerable<string?> items, out string? problem)
    {
        var codes = new List<string>();
        foreach (var item in items.SelectMany(i => (i ?? "").Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            var code = IsStateless(item) ? Stateless : Countries.TryFind(item);
            if (code is null)
            {
                problem = "There is no such country. Write ISO 3166 codes (e.g. SY) or names (e.g. Syria), separated by commas, or stateless.";
                return null;
            }
            if (!codes.Contains(code))
                codes.Add(code);
        }
        if (codes.Contains(Stateless) && codes.Count > 1)
        {
            problem = "A stateless person has no citizenship: give either countries or stateless.";
            return null;
        }
        problem = codes.Count > 10 ? "List at most 10 citizenships." : null;
        return problem is null ? codes : null;
    }

    private static bool IsStateless(string item)
        => item.Equals(Stateless, StringComparison.OrdinalIgnoreCase) || item.Equals("statslös", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Column sizes of the facts at entry (beside <see cref="EnrolmentConfiguration"/>, which stays the enrolment's own).</summary>
public sealed class EntryFactsConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.Property(e => e.CountryOfBirth).HasMaxLength(2);
        builder.Property(e => e.MunicipalityAtEntry).HasMaxLength(4);
    }
}
