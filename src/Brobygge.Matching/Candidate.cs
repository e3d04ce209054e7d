namespace Brobygge.Matching;

/// <summary>A language a candidate speaks (ISO 639 code, as the program's code lists) and how well.</summary>
public readonly record struct SpokenLanguage(string Code, LanguageLevel Level);

/// <summary>
/// A participant as the matching engine sees them: what the mapping (kartläggning) and the person record say, and the
/// keys the scope filter needs. The integration builds one per participant; the engine keeps no other personal data.
/// </summary>
public sealed record Candidate
{
    /// <summary>The participant's id in the program; ties between equal scores are broken by it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The organisation whose participant this is (the tenant key).</summary>
    public required Guid Organisation { get; init; }

    /// <summary>The projects the person is enrolled in.</summary>
    public IReadOnlyList<Guid> Projects { get; init; } = [];

    /// <summary>Enrolled and active (not left, not paused): only active candidates are ever ranked.</summary>
    public bool Active { get; init; } = true;

    /// <summary>The "presentation to employers" consent is in force; required when an employer liaison is the viewer.</summary>
    public bool PresentationConsent { get; init; }

    /// <summary>Occupations (taxonomy occupation-name concept ids) the person has worked in.</summary>
    public IReadOnlyList<string> OccupationsExperienced { get; init; } = [];

    /// <summary>Occupations the person wants to work in.</summary>
    public IReadOnlyList<string> OccupationsWanted { get; init; } = [];

    /// <summary>Skills (taxonomy skill concept ids).</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Languages other than Swedish.</summary>
    public IReadOnlyList<SpokenLanguage> Languages { get; init; } = [];
    public SwedishLevel Swedish { get; init; }
    public DrivingLicences DrivingLicences { get; init; }

    /// <summary>Home municipality, the four-digit kommunkod (e.g. "0180").</summary>
    public string? HomeMunicipality { get; init; }

    /// <summary>Highest education level, ISCED 2011 0–8.</summary>
    public int? EducationLevel { get; init; }

    /// <summary>The first day the person can start; <c>null</c> means now.</summary>
    public DateOnly? AvailableFrom { get; init; }

    /// <summary>Hours a week the person can work; <c>null</c> when not known.</summary>
    public int? HoursPerWeek { get; init; }
}
