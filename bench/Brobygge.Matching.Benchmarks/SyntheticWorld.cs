using Brobygge.Matching;

namespace Brobygge.Matching.Benchmarks;

/// <summary>
/// A deterministic national population drawn from the real lists: occupations with a Zipf-like skew (common and rare
/// ones), people with few to many skills mostly from their occupation's SSYK group, municipalities weighted by their
/// number of postal codes (a stand-in for population), 1,000 organisations with three projects each. Every value
/// depends only on the seed and the person's or opening's number, so any one can be made again for an update.
/// </summary>
internal sealed class SyntheticWorld
{
    private const int Organisations = 1000;
    private readonly int _seed;
    private readonly string[] _occupations;
    private readonly int[] _groups;
    private readonly Dictionary<int, string[]> _groupSkills;
    private readonly string[] _skills;
    private readonly string[] _municipalities;
    private readonly double[] _municipalityWeights;
    private readonly double[] _occupationWeights;
    private static readonly string[] Languages = ["ar", "en", "so", "fa", "ti", "uk", "es", "fr"];

    public SyntheticWorld(MatchingTaxonomy taxonomy, string postalFile, int seed)
    {
        _seed = seed;
        var random = new Random(seed);
        // Shuffle with the seed so which occupations are common does not follow the file's order.
        _occupations = taxonomy.Occupations.Where(o => taxonomy.GroupOf(o) >= 0).Order(StringComparer.Ordinal).OrderBy(_ => random.Next()).ToArray();
        _groups = _occupations.Select(taxonomy.GroupOf).ToArray();
        _groupSkills = _groups.Distinct().ToDictionary(g => g, g => taxonomy.SkillsOfGroup(g).ToArray());
        _skills = taxonomy.Skills.Order(StringComparer.Ordinal).ToArray();
        _occupationWeights = Cumulative(_occupations.Select((_, i) => 1.0 / (i + 1)));
        var postal = JobTechFiles.Rows(postalFile).GroupBy(r => r["municipality_code"]).ToDictionary(g => g.Key, g => g.Count());
        _municipalities = taxonomy.Municipalities.Order(StringComparer.Ordinal).ToArray();
        _municipalityWeights = Cumulative(_municipalities.Select(m => (double)postal.GetValueOrDefault(m, 1)));
    }

    public static Guid Id(int kind, int n) => new(n, (short)kind, 0, [0, 0, 0, 0, 0, 0, 0, 1]);
#pragma warning disable CA1822 // read as members of the world, beside Candidate(n)
    public Guid CandidateId(int n) => Id(1, n);
    public Guid Organisation(int n) => Id(3, n % Organisations);
#pragma warning restore CA1822

    /// <summary>An occupation in the rarest third counts as rare.</summary>
    public bool IsRare(Opening opening) => Array.IndexOf(_occupations, opening.Occupation) > _occupations.Length / 3;

    /// <summary>Which opening the n-th query asks about: half of them of common occupations, half of rare ones.</summary>
    public int QueryOpening(int n, int count)
    {
        var random = new Random(_seed ^ (n * 31 + 7));
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var i = random.Next(count);
            if (IsRare(Opening(i)) == (n % 2 == 1))
                return i;
        }
        return random.Next(count);
    }

    public Candidate Candidate(int n)
    {
        var random = new Random(HashCode.Combine(_seed, 1, n));
        var occupation = Pick(random, _occupationWeights);
        var occupations = new List<string> { _occupations[occupation] };
        if (random.Next(3) == 0)
            occupations.Add(_occupations[Pick(random, _occupationWeights)]);
        // Few to many skills: most have 2–8, some up to 30.
        var skillCount = random.Next(4) == 0 ? random.Next(0, 31) : random.Next(2, 9);
        var organisation = n % Organisations;
        return new Candidate
        {
            Id = CandidateId(n),
            Organisation = Id(3, organisation),
            Projects = [Id(4, organisation * 3 + random.Next(3))],
            Active = random.Next(10) != 0,
            PresentationConsent = random.Next(3) != 0,
            OccupationsExperienced = occupations,
            OccupationsWanted = random.Next(4) == 0 ? [_occupations[Pick(random, _occupationWeights)]] : [],
            Skills = Skills(random, _groups[occupation], skillCount),
            Languages = [new SpokenLanguage(Languages[random.Next(Languages.Length)], LanguageLevel.Native),
                .. random.Next(2) == 0 ? [new SpokenLanguage("en", (LanguageLevel)random.Next(4))] : Array.Empty<SpokenLanguage>()],
            Swedish = (SwedishLevel)random.Next(7),
            DrivingLicences = random.Next(2) == 0 ? DrivingLicences.B : random.Next(10) == 0 ? DrivingLicences.B | DrivingLicences.C | DrivingLicences.CE : DrivingLicences.None,
            HomeMunicipality = _municipalities[Pick(random, _municipalityWeights)],
            EducationLevel = random.Next(9),
            AvailableFrom = random.Next(2) == 0 ? null : new DateOnly(2027, 1, 1).AddDays(random.Next(120)),
            HoursPerWeek = 10 + random.Next(31),
        };
    }

    public Opening Opening(int n)
    {
        var random = new Random(HashCode.Combine(_seed, 2, n));
        var occupation = Pick(random, _occupationWeights);
        var strict = random.Next(2) == 0;
        var group = _groups[occupation];
        return new Opening
        {
            Id = Id(2, n),
            Organisation = Id(3, random.Next(Organisations)),
            Kind = random.Next(4) == 0 ? OpeningKind.Internship : OpeningKind.Job,
            Occupation = _occupations[occupation],
            RequiredSkills = Skills(random, group, strict ? random.Next(2, 6) : random.Next(0, 2)),
            DesiredSkills = Skills(random, group, random.Next(0, 4)),
            Languages = strict && random.Next(4) == 0 ? [new LanguageRequirement("en", LanguageLevel.Good, Required: true)] : [],
            MinimumSwedish = strict ? (SwedishLevel)random.Next(3, 6) : (SwedishLevel)random.Next(0, 3),
            RequiredDrivingLicences = strict && random.Next(3) == 0 ? DrivingLicences.B : DrivingLicences.None,
            DesiredDrivingLicences = random.Next(4) == 0 ? DrivingLicences.B : DrivingLicences.None,
            Municipality = random.Next(10) == 0 ? null : _municipalities[Pick(random, _municipalityWeights)],
            Positions = 1 + random.Next(3),
            StartsOn = new DateOnly(2027, 1, 1).AddDays(random.Next(90)),
            HoursPerWeek = random.Next(2) == 0 ? 40 : 20 + random.Next(21),
            MinimumEducationLevel = random.Next(3) == 0 ? random.Next(2, 7) : null,
        };
    }

    /// <summary>Skills mostly from the group's related skills, some from anywhere.</summary>
    private string[] Skills(Random random, int group, int count)
    {
        var own = _groupSkills.GetValueOrDefault(group) ?? [];
        var skills = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
            skills.Add(own.Length > 0 && random.Next(4) != 0 ? own[random.Next(own.Length)] : _skills[random.Next(_skills.Length)]);
        return [.. skills];
    }

    private static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0.0;
        var cumulative = weights.Select(w => sum += w).ToArray();
        return cumulative.Select(c => c / sum).ToArray();
    }

    private static int Pick(Random random, double[] cumulative)
    {
        var i = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
