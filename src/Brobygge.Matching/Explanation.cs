using System.Globalization;

namespace Brobygge.Matching;

public enum ReasonKind
{
    SameOccupation, SameGroup4, SameGroup3, SameGroup2, RequiredSkills, DesiredSkills, RelatedSkills, Swedish, SwedishLevel,
    RequiredLanguages, DesiredLanguages, RequiredLicences, DesiredLicences, SameMunicipality, SameCounty, Education,
    AvailableFromStart, AvailableFrom, Hours,
}

/// <summary>One part of an explanation: what it is about and its figures (an SSYK group, "3 of 4", levels, …).</summary>
public readonly record struct Reason(ReasonKind Kind, int A = 0, int B = 0, string? Text = null);

/// <summary>
/// Why a candidate and an opening match, as parts a coach can read aloud in Swedish or English, e.g.
/// "samma yrkesgrupp 2341; 3 av 4 krav på kompetens; svenska SFI D uppfyller C". The phrases are a small string table
/// inside this library (<see cref="Phrases"/>), not resources: the library has no localisation set-up of its own and the
/// program shows the text as it is.
/// </summary>
public sealed class Explanation(IReadOnlyList<Reason> reasons)
{
    public IReadOnlyList<Reason> Reasons { get; } = reasons;

    /// <summary>Swedish.</summary>
    public string Swedish => Phrases.Join(Reasons, english: false);

    /// <summary>English.</summary>
    public string English => Phrases.Join(Reasons, english: true);

    /// <summary>In the language of the culture: English for "en…", Swedish otherwise (Swedish is the default UI language).</summary>
    public string In(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return culture.TwoLetterISOLanguageName == "en" ? English : Swedish;
    }

    public override string ToString() => Swedish;
}

/// <summary>The Swedish and English phrases of explanations.</summary>
public static class Phrases
{
    public static string Join(IEnumerable<Reason> reasons, bool english) =>
        string.Join("; ", reasons.Select(r => Phrase(r, english)));

    public static string Phrase(Reason r, bool english)
    {
        var s = CultureInfo.InvariantCulture;
        return r.Kind switch
        {
            ReasonKind.SameOccupation => english ? "same occupation" : "samma yrke",
            ReasonKind.SameGroup4 => (english ? "same occupation group " : "samma yrkesgrupp ") + MatchingTaxonomy.SsykCode(r.A, 4),
            ReasonKind.SameGroup3 => (english ? "same minor occupation group " : "samma yrkesgrupp på tresiffernivå ") + MatchingTaxonomy.SsykCode(r.A, 3),
            ReasonKind.SameGroup2 => (english ? "same sub-major occupation group " : "samma yrkesområde ") + MatchingTaxonomy.SsykCode(r.A, 2),
            ReasonKind.RequiredSkills => string.Format(s, english ? "{0} of {1} required skills" : "{0} av {1} krav på kompetens", r.A, r.B),
            ReasonKind.DesiredSkills => string.Format(s, english ? "{0} of {1} desired skills" : "{0} av {1} meriterande kompetenser", r.A, r.B),
            ReasonKind.RelatedSkills => string.Format(s, english
                ? "{0} more {1} of occupation group {2}"
                : "{0} {1} till inom yrkesgrupp {2}", r.A, english ? (r.A == 1 ? "skill" : "skills") : (r.A == 1 ? "kompetens" : "kompetenser"), MatchingTaxonomy.SsykCode(r.B, 4)),
            ReasonKind.Swedish => (english ? "Swedish " : "svenska ") + SwedishMeets((SwedishLevel)r.A, (SwedishLevel)r.B, english),
            ReasonKind.SwedishLevel => (english ? "Swedish " : "svenska ") + Swedish((SwedishLevel)r.A, english),
            ReasonKind.RequiredLanguages => (english ? "speaks the required " : "talar kravspråken ") + r.Text,
            ReasonKind.DesiredLanguages => string.Format(s, english ? "speaks {0} of {1} desired languages" : "talar {0} av {1} meriterande språk", r.A, r.B),
            ReasonKind.RequiredLicences => (english ? "driving licence " : "körkort ") + Licences(r.A),
            ReasonKind.DesiredLicences => (english ? "desired driving licence " : "meriterande körkort ") + Licences(r.A),
            ReasonKind.SameMunicipality => english ? "lives in the same municipality" : "bor i samma kommun",
            ReasonKind.SameCounty => english ? "lives in the same county" : "bor i samma län",
            ReasonKind.Education => string.Format(s, english ? "education ISCED {0} meets {1}" : "utbildning ISCED {0} uppfyller {1}", r.A, r.B),
            ReasonKind.AvailableFromStart => english ? "available from the start" : "kan börja från start",
            ReasonKind.AvailableFrom => (english ? "available from " : "kan börja ") + DateOnly.FromDayNumber(r.A).ToString("yyyy-MM-dd", s),
            ReasonKind.Hours => string.Format(s, english ? "{0} hours a week, {1} asked" : "{0} timmar i veckan, {1} efterfrågas", r.A, r.B),
            _ => r.Kind.ToString(),
        };
    }

    /// <summary>"SFI D uppfyller C": the minimum is shortened to its letter when both are SFI levels.</summary>
    private static string SwedishMeets(SwedishLevel held, SwedishLevel minimum, bool english)
    {
        var minimumText = IsSfi(held) && IsSfi(minimum) ? Swedish(minimum, english)[^1..] : Swedish(minimum, english);
        return $"{Swedish(held, english)} {(english ? "meets" : "uppfyller")} {minimumText}";
    }

    private static bool IsSfi(SwedishLevel level) => level is >= SwedishLevel.SfiA and <= SwedishLevel.SfiD;

    public static string Swedish(SwedishLevel level, bool english) => level switch
    {
        SwedishLevel.None => english ? "none" : "ingen",
        SwedishLevel.SfiA => "SFI A",
        SwedishLevel.SfiB => "SFI B",
        SwedishLevel.SfiC => "SFI C",
        SwedishLevel.SfiD => "SFI D",
        SwedishLevel.Sas => "SAS",
        _ => english ? "fluent" : "flytande",
    };

    private static string Licences(int flags) =>
        string.Join(", ", Enum.GetValues<DrivingLicences>().Where(l => l != DrivingLicences.None && ((DrivingLicences)flags & l) == l));
}
