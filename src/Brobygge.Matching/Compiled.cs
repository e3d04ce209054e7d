using System.Collections.Concurrent;

namespace Brobygge.Matching;

/// <summary>Gives strings (concept ids, codes) and Guids (organisations, projects) small dense numbers, append-only and
/// safe from any thread, so the index compares integers and a scope can be a flag array.</summary>
internal sealed class Interner<T> where T : notnull
{
    private readonly ConcurrentDictionary<T, int> _ids;
    private readonly ConcurrentDictionary<int, T> _values = new();
    private readonly Lock _add = new();
    private int _next = -1;

    public Interner(IEqualityComparer<T>? comparer = null) => _ids = new(comparer);

    public int Count => Volatile.Read(ref _next) + 1;

    public int Id(T value)
    {
        if (_ids.TryGetValue(value, out var id))
            return id;
        lock (_add)
        {
            if (_ids.TryGetValue(value, out id))
                return id;
            // The value first: whoever finds the id can then always read the value back.
            id = _next + 1;
            _values[id] = value;
            _ids[value] = id;
            Volatile.Write(ref _next, id);
            return id;
        }
    }

    public T Value(int id) => _values[id];

    public int Find(T value) => _ids.GetValueOrDefault(value, -1);
}

/// <summary>The interned, sorted form of a <see cref="Candidate"/>; what the index stores.</summary>
internal sealed class CompiledCandidate
{
    public Guid Id;
    public int Organisation;
    public int[] Projects = [];
    public bool Active, Consent;
    /// <summary>Occupation ids, experienced and wanted, distinct; <see cref="Groups"/> holds their SSYK 4 groups.</summary>
    public int[] Occupations = [], Groups = [];
    /// <summary>Skill ids, sorted and distinct.</summary>
    public int[] Skills = [];
    /// <summary>Languages as language id × 8 + level, sorted.</summary>
    public int[] Languages = [];
    public SwedishLevel Swedish;
    public DrivingLicences Licences;
    public int Municipality = -1, County = -1, Education = -1, Hours = -1;
    /// <summary>Day number of <see cref="Candidate.AvailableFrom"/>; <see cref="int.MinValue"/> for now.</summary>
    public int AvailableFrom = int.MinValue;

    public CandidateView View() => new(Id, Organisation, Projects, Active, Consent, Occupations, Groups, Skills, Languages,
        Swedish, Licences, Municipality, County, Education, AvailableFrom, Hours);
}

/// <summary>A candidate as scoring reads it, from a compiled candidate or from a slot of the index's columns.</summary>
internal readonly ref struct CandidateView(
    Guid id, int organisation, ReadOnlySpan<int> projects, bool active, bool consent, ReadOnlySpan<int> occupations,
    ReadOnlySpan<int> groups, ReadOnlySpan<int> skills, ReadOnlySpan<int> languages, SwedishLevel swedish,
    DrivingLicences licences, int municipality, int county, int education, int availableFrom, int hours)
{
    public readonly Guid Id = id;
    public readonly int Organisation = organisation;
    public readonly ReadOnlySpan<int> Projects = projects;
    public readonly bool Active = active, Consent = consent;
    public readonly ReadOnlySpan<int> Occupations = occupations, Groups = groups, Skills = skills, Languages = languages;
    public readonly SwedishLevel Swedish = swedish;
    public readonly DrivingLicences Licences = licences;
    public readonly int Municipality = municipality, County = county, Education = education, AvailableFrom = availableFrom, Hours = hours;
}

/// <summary>The interned form of an <see cref="Opening"/>, with the upper bound of the points that do not come from
/// occupation or skills (what lets the index stop before scanning everyone).</summary>
internal sealed class CompiledOpening
{
    public Guid Id;
    public int Organisation;
    public bool Open;
    public int Occupation, Group;
    /// <summary>Skill ids sorted, with their weights (2 when related to the opening's SSYK group, else 1).</summary>
    public int[] Required = [], RequiredWeights = [], Desired = [], DesiredWeights = [];
    public int RequiredTotal, DesiredTotal;
    /// <summary>Skills related to the opening's SSYK group that it does not list: a candidate's own skills among them score a little.</summary>
    public int[] Related = [];
    /// <summary>Language id × 8 + minimum level.</summary>
    public int[] RequiredLanguages = [], DesiredLanguages = [];
    public string[] RequiredLanguageCodes = [];
    public SwedishLevel MinimumSwedish;
    public DrivingLicences RequiredLicences, DesiredLicences;
    public int Municipality = -1, County = -1, Education = -1, Hours = -1;
    public int StartsOn = int.MinValue;
    /// <summary>The most points a candidate can get without occupation or skill points.</summary>
    public int MaxOther;

    /// <summary>The most skill points a candidate can get.</summary>
    public int MaxSkills;
}

internal sealed class Compiler(MatchingTaxonomy taxonomy)
{
    public MatchingTaxonomy Taxonomy { get; } = taxonomy;
    public Interner<string> Concepts { get; } = new(StringComparer.Ordinal);
    public Interner<string> LanguageCodes { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Interner<string> Places { get; } = new(StringComparer.Ordinal);
    public Interner<Guid> Owners { get; } = new();

    /// <summary>The SSYK 4-digit groups an interned skill is related to.</summary>
    public IReadOnlyList<int> GroupsOfSkill(int skill) => Taxonomy.GroupsOfSkill(Concepts.Value(skill));

    public CompiledCandidate Compile(Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var occupations = candidate.OccupationsExperienced.Concat(candidate.OccupationsWanted).Distinct(StringComparer.Ordinal)
            .Select(o => (id: Concepts.Id(o), group: Taxonomy.GroupOf(o))).OrderBy(o => o.id).ToArray();
        var municipality = candidate.HomeMunicipality;
        var county = municipality is null ? null : Taxonomy.CountyOf(municipality);
        return new CompiledCandidate
        {
            Id = candidate.Id,
            Organisation = Owners.Id(candidate.Organisation),
            Projects = candidate.Projects.Select(Owners.Id).Distinct().Order().ToArray(),
            Active = candidate.Active,
            Consent = candidate.PresentationConsent,
            Occupations = occupations.Select(o => o.id).ToArray(),
            Groups = occupations.Select(o => o.group).ToArray(),
            Skills = candidate.Skills.Select(Concepts.Id).Distinct().Order().ToArray(),
            Languages = candidate.Languages.GroupBy(l => LanguageCodes.Id(l.Code))
                .Select(g => g.Key * 8 + (int)g.Max(l => l.Level)).Order().ToArray(),
            Swedish = candidate.Swedish,
            Licences = candidate.DrivingLicences,
            Municipality = municipality is null ? -1 : Places.Id(municipality),
            County = county is null ? -1 : Places.Id(county),
            Education = candidate.EducationLevel ?? -1,
            AvailableFrom = candidate.AvailableFrom?.DayNumber ?? int.MinValue,
            Hours = candidate.HoursPerWeek ?? -1,
        };
    }

    public CompiledOpening Compile(Opening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var group = Taxonomy.GroupOf(opening.Occupation);
        var related = group < 0 ? [] : Taxonomy.SkillsOfGroup(group).Select(Concepts.Id).ToHashSet();
        var required = opening.RequiredSkills.Select(Concepts.Id).Distinct().Order().ToArray();
        var desired = opening.DesiredSkills.Select(Concepts.Id).Distinct().Except(required).Order().ToArray();
        int Weight(int skill) => related.Contains(skill) ? 2 : 1;
        var requiredLanguages = opening.Languages.Where(l => l.Required).ToArray();
        var desiredLanguages = opening.Languages.Where(l => !l.Required).ToArray();
        var municipality = opening.Municipality;
        var county = municipality is null ? null : Taxonomy.CountyOf(municipality);
        var compiled = new CompiledOpening
        {
            Id = opening.Id,
            Organisation = Owners.Id(opening.Organisation),
            Open = opening.Open && opening.Positions > 0,
            Occupation = Concepts.Id(opening.Occupation),
            Group = group,
            Required = required,
            RequiredWeights = required.Select(Weight).ToArray(),
            RequiredTotal = required.Sum(Weight),
            Desired = desired,
            DesiredWeights = desired.Select(Weight).ToArray(),
            DesiredTotal = desired.Sum(Weight),
            Related = related.Except(required).Except(desired).Order().ToArray(),
            RequiredLanguages = requiredLanguages.Select(l => LanguageCodes.Id(l.Code) * 8 + (int)l.MinimumLevel).ToArray(),
            RequiredLanguageCodes = requiredLanguages.Select(l => l.Code).ToArray(),
            DesiredLanguages = desiredLanguages.Select(l => LanguageCodes.Id(l.Code) * 8 + (int)l.MinimumLevel).ToArray(),
            MinimumSwedish = opening.MinimumSwedish,
            RequiredLicences = opening.RequiredDrivingLicences,
            DesiredLicences = opening.DesiredDrivingLicences & ~opening.RequiredDrivingLicences,
            Municipality = municipality is null ? -1 : Places.Id(municipality),
            County = county is null ? -1 : Places.Id(county),
            Education = opening.MinimumEducationLevel ?? -1,
            Hours = opening.HoursPerWeek ?? -1,
            StartsOn = opening.StartsOn?.DayNumber ?? int.MinValue,
        };
        compiled.MaxOther = Scoring.MaxOther(compiled);
        compiled.MaxSkills = Scoring.MaxSkills(compiled);
        return compiled;
    }
}
