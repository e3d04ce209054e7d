using System.Collections.Frozen;
using System.Globalization;

namespace Brobygge.Matching;

/// <summary>
/// What the engine needs of the JobTech taxonomy and the municipality list: occupation → SSYK 2012 4-digit group (its
/// 3- and 2-digit groups are the code's prefixes), skill ↔ SSYK 4 relations, municipality → county. Immutable; the
/// integration builds it from the taxonomy table, tests and the benchmark from the files (<see cref="JobTechFiles"/>).
/// </summary>
public sealed class MatchingTaxonomy
{
    private readonly FrozenDictionary<string, int> _occupationGroup;
    private readonly FrozenDictionary<string, int[]> _skillGroups;
    private readonly FrozenDictionary<int, string[]> _groupSkills;
    private readonly FrozenDictionary<string, string> _county;

    private MatchingTaxonomy(Builder builder)
    {
        _occupationGroup = builder.Occupations.ToFrozenDictionary(StringComparer.Ordinal);
        _skillGroups = builder.SkillGroups.ToFrozenDictionary(p => p.Key, p => p.Value.Order().ToArray(), StringComparer.Ordinal);
        _groupSkills = builder.SkillGroups
            .SelectMany(p => p.Value.Select(group => (group, skill: p.Key)))
            .GroupBy(p => p.group)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.skill).Order(StringComparer.Ordinal).ToArray());
        _county = builder.Counties.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public int OccupationCount => _occupationGroup.Count;
    public IEnumerable<string> Occupations => _occupationGroup.Keys;
    public IEnumerable<string> Skills => _skillGroups.Keys;
    public IEnumerable<string> Municipalities => _county.Keys;

    /// <summary>The SSYK 4-digit group of an occupation as a number (0110 is 110), or -1 when unknown.</summary>
    public int GroupOf(string occupation) => _occupationGroup.GetValueOrDefault(occupation, -1);

    /// <summary>The SSYK 4-digit groups a skill is related to.</summary>
    public IReadOnlyList<int> GroupsOfSkill(string skill) => _skillGroups.GetValueOrDefault(skill) ?? [];

    /// <summary>The skills related to an SSYK 4-digit group.</summary>
    public IReadOnlyList<string> SkillsOfGroup(int group) => _groupSkills.GetValueOrDefault(group) ?? [];

    /// <summary>The two-digit county code (länskod) of a municipality, or <c>null</c>.</summary>
    public string? CountyOf(string municipality) => _county.GetValueOrDefault(municipality);

    /// <summary>An SSYK code as written: 4, 3 or 2 digits with leading zeros.</summary>
    public static string SsykCode(int group, int digits) => group switch
    {
        < 0 => "",
        _ => digits switch
        {
            4 => group.ToString("D4", CultureInfo.InvariantCulture),
            3 => (group / 10).ToString("D3", CultureInfo.InvariantCulture),
            _ => (group / 100).ToString("D2", CultureInfo.InvariantCulture),
        },
    };

    public sealed class Builder
    {
        internal Dictionary<string, int> Occupations { get; } = new(StringComparer.Ordinal);
        internal Dictionary<string, HashSet<int>> SkillGroups { get; } = new(StringComparer.Ordinal);
        internal Dictionary<string, string> Counties { get; } = new(StringComparer.Ordinal);

        /// <summary>An occupation and its SSYK 2012 4-digit code ("2341").</summary>
        public Builder AddOccupation(string conceptId, string ssyk4Code)
        {
            Occupations[conceptId] = ParseGroup(ssyk4Code);
            return this;
        }

        /// <summary>A skill related to an SSYK 4-digit group; a skill with no relation may be added with <c>null</c>.</summary>
        public Builder AddSkill(string conceptId, string? ssyk4Code)
        {
            if (!SkillGroups.TryGetValue(conceptId, out var groups))
                SkillGroups[conceptId] = groups = [];
            if (ssyk4Code is not null)
                groups.Add(ParseGroup(ssyk4Code));
            return this;
        }

        public Builder AddMunicipality(string code, string countyCode)
        {
            Counties[code] = countyCode;
            return this;
        }

        public MatchingTaxonomy Build() => new(this);

        private static int ParseGroup(string code) =>
            code.Length == 4 && int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var group)
                ? group
                : throw new ArgumentException($"'{code}' is no SSYK 2012 four-digit code.", nameof(code));
    }
}
