using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Participants;

namespace Brobygge.Mappings;

/// <summary>
/// Kartläggning: a structured record of a participant's competences, goals and obstacles. Each save is
/// a new version; the earlier ones are kept so progress is visible.
/// </summary>
public sealed class Mapping : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid EnrolmentId { get; set; }
    public Enrolment? Enrolment { get; set; }

    /// <summary>1 for the first mapping of the enrolment, then 2, 3, …</summary>
    public int Number { get; set; }
    public DateOnly MappedOn { get; set; }
    public DateTime RecordedAt { get; set; } = DateTime.UtcNow;
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }

    // The education level and the Swedish level are the person's (Person.EducationLevel, Person.SwedishLevel): one
    // place for each, the same in every project; the enrolment keeps the level at entry for the reports.
    public string? EducationField { get; set; }

    /// <summary>ISO 3166 alpha-2 code of the country of the highest education.</summary>
    public string? EducationCountry { get; set; }
    public DegreeRecognition? DegreeRecognition { get; set; }
    public List<WorkExperience> Experience { get; set; } = [];
    public List<LanguageSkill> Languages { get; set; } = [];

    /// <summary>Skills as taxonomy concepts.</summary>
    public List<ConceptRef> Skills { get; set; } = [];
    public List<string> DrivingLicences { get; set; } = [];
    public string? Goals { get; set; }
    public string? Obstacles { get; set; }
}

/// <summary>An occupation from the JobTech taxonomy and the years worked in it.</summary>
public sealed class WorkExperience
{
    public required string OccupationId { get; set; }
    public required string Label { get; set; }
    public double Years { get; set; }
}

public sealed class LanguageSkill
{
    /// <summary>ISO 639 code.</summary>
    public required string Code { get; set; }
    public LanguageLevel Level { get; set; }
}

/// <summary>A taxonomy concept as it was when picked: the id to match on, the label to show.</summary>
public sealed class ConceptRef
{
    public required string ConceptId { get; set; }
    public required string Label { get; set; }
}

public enum LanguageLevel { Basic, Good, Fluent, Native }

/// <summary>Status of the recognition of a foreign degree (bedömning av utländsk utbildning, UHR).</summary>
public enum DegreeRecognition { NotApplicable, NotApplied, Applied, Recognised, PartlyRecognised, NotRecognised }
