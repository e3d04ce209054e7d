namespace Brobygge.Matching.Tests;

/// <summary>
/// Candidates and openings drawn from a small part of the real taxonomy (a few SSYK groups close to each other and
/// their related skills, three municipalities of two counties), so scores collide often and every rule comes into play.
/// </summary>
public sealed class RandomWorld
{
    private static readonly int[] Groups = [2341, 2342, 2343, 2330, 2351, 5120, 9412];
    private static readonly Lazy<string[]> OccupationPool = new(() => Groups
        .SelectMany(g => RealData.Taxonomy.Occupations.Where(o => RealData.Taxonomy.GroupOf(o) == g).Order(StringComparer.Ordinal).Take(3))
        .ToArray());
    private static readonly Lazy<string[]> SkillPool = new(() => Groups
        .SelectMany(g => RealData.Taxonomy.SkillsOfGroup(g).Take(4)).Distinct().ToArray());
    private static readonly string[] Municipalities = [RealData.Stockholm, RealData.UpplandsVasby, RealData.Goteborg];
    private static readonly string[] LanguageCodes = ["ar", "en", "so"];
    public static readonly Guid[] Organisations = [RealData.Id(9001), RealData.Id(9002), RealData.Id(9003)];
    public static readonly Guid[] Projects = [RealData.Id(9101), RealData.Id(9102)];

    private readonly Random _random;

    public RandomWorld(int seed) => _random = new Random(seed);

    public Candidate Candidate(int id) => new()
    {
        Id = RealData.Id(id),
        Organisation = Pick(Organisations),
        Projects = _random.Next(3) == 0 ? [Pick(Projects)] : [],
        Active = _random.Next(8) != 0,
        PresentationConsent = _random.Next(2) == 0,
        OccupationsExperienced = Some(OccupationPool.Value, 2),
        OccupationsWanted = Some(OccupationPool.Value, 1),
        Skills = Some(SkillPool.Value, 5),
        Languages = Some(LanguageCodes, 2).Select(code => new SpokenLanguage(code, (LanguageLevel)_random.Next(4))).ToArray(),
        Swedish = (SwedishLevel)_random.Next(7),
        DrivingLicences = _random.Next(2) == 0 ? DrivingLicences.B : DrivingLicences.None,
        HomeMunicipality = _random.Next(5) == 0 ? null : Pick(Municipalities),
        EducationLevel = _random.Next(4) == 0 ? null : _random.Next(9),
        AvailableFrom = _random.Next(2) == 0 ? null : new DateOnly(2027, 1, 1).AddDays(_random.Next(60)),
        HoursPerWeek = _random.Next(3) == 0 ? null : 10 + _random.Next(31),
    };

    public Opening Opening(int id) => new()
    {
        Id = RealData.Id(id),
        Organisation = Pick(Organisations),
        Open = _random.Next(10) != 0,
        Occupation = Pick(OccupationPool.Value),
        RequiredSkills = Some(SkillPool.Value, 3),
        DesiredSkills = Some(SkillPool.Value, 2),
        Languages = Some(LanguageCodes, 1).Select(code => new LanguageRequirement(code, (LanguageLevel)_random.Next(4), _random.Next(3) == 0)).ToArray(),
        MinimumSwedish = (SwedishLevel)_random.Next(5),
        RequiredDrivingLicences = _random.Next(5) == 0 ? DrivingLicences.B : DrivingLicences.None,
        DesiredDrivingLicences = _random.Next(3) == 0 ? DrivingLicences.B : DrivingLicences.None,
        Municipality = _random.Next(4) == 0 ? null : Pick(Municipalities),
        MinimumEducationLevel = _random.Next(2) == 0 ? null : _random.Next(9),
        StartsOn = _random.Next(3) == 0 ? null : new DateOnly(2027, 1, 1).AddDays(_random.Next(60)),
        HoursPerWeek = _random.Next(2) == 0 ? null : 10 + _random.Next(31),
    };

    /// <summary>A scope: everywhere, or one or two organisations and perhaps a project, for a coach or a liaison.</summary>
    public MatchScope Scope()
    {
        var liaison = _random.Next(3) == 0;
        return _random.Next(5) switch
        {
            0 => MatchScope.Everywhere with { ForEmployerLiaison = liaison },
            1 => MatchScope.Of([Pick(Organisations)], [], liaison),
            2 => MatchScope.Of([Pick(Organisations)], [Pick(Projects)], liaison),
            3 => MatchScope.Of([], [Pick(Projects)], liaison) with { OpeningOrganisations = new HashSet<Guid> { Pick(Organisations) } },
            _ => MatchScope.Of([Organisations[0], Organisations[1]], [], liaison),
        };
    }

    public int Next(int max) => _random.Next(max);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private string[] Some(string[] items, int most) =>
        Enumerable.Range(0, _random.Next(most + 1)).Select(_ => Pick(items)).Distinct().ToArray();
}
