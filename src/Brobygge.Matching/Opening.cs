namespace Brobygge.Matching;

/// <summary>A language an opening asks for: required ones filter, desired ones score.</summary>
public readonly record struct LanguageRequirement(string Code, LanguageLevel MinimumLevel, bool Required);

/// <summary>An opening or internship place as the matching engine sees it (issue 15, item 2).</summary>
public sealed record Opening
{
    /// <summary>The opening's id in the program; ties between equal scores are broken by it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The organisation whose employer liaison owns the employer (the tenant key).</summary>
    public required Guid Organisation { get; init; }
    public OpeningKind Kind { get; init; }

    /// <summary>Still taking candidates (published, not filled, not past its end); closed openings are never suggested.</summary>
    public bool Open { get; init; } = true;

    /// <summary>The occupation (taxonomy occupation-name concept id).</summary>
    public required string Occupation { get; init; }
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
    public IReadOnlyList<string> DesiredSkills { get; init; } = [];
    public IReadOnlyList<LanguageRequirement> Languages { get; init; } = [];

    /// <summary>A hard requirement: candidates below it are not ranked.</summary>
    public SwedishLevel MinimumSwedish { get; init; }

    /// <summary>A hard requirement: candidates must hold every one of them.</summary>
    public DrivingLicences RequiredDrivingLicences { get; init; }

    /// <summary>Scores when the candidate holds them all.</summary>
    public DrivingLicences DesiredDrivingLicences { get; init; }

    /// <summary>The four-digit kommunkod of the workplace; <c>null</c> when it has none (no location points).</summary>
    public string? Municipality { get; init; }
    public EmploymentType EmploymentType { get; init; }
    public int Positions { get; init; } = 1;
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public int? HoursPerWeek { get; init; }

    /// <summary>The education level wanted, ISCED 2011 0–8 (scores, does not filter).</summary>
    public int? MinimumEducationLevel { get; init; }
}
