namespace Brobygge.Matching;

/// <summary>
/// Candidates stored column by column (flat arrays with offsets, no object per candidate) with posting lists: by
/// occupation and by SSYK 4-, 3- and 2-digit group of their occupations, by skill, municipality, county, organisation
/// and project. Immutable once built.
/// </summary>
internal sealed class CandidateColumns
{
    public readonly int Count;
    public readonly Guid[] Ids;
    public readonly int[] Organisation;
    public readonly bool[] Active, Consent;
    public readonly SwedishLevel[] Swedish;
    public readonly DrivingLicences[] Licences;
    public readonly int[] Municipality, County, Education, AvailableFrom, Hours;
    private readonly int[] _projectStart, _projects, _occupationStart, _occupations, _groups, _skillStart, _skills, _languageStart, _languages;

    public readonly Dictionary<Guid, int> Slots;
    public readonly Dictionary<int, int[]> ByOccupation = [], ByGroup4 = [], ByGroup3 = [], ByGroup2 = [], BySkill = [], ByPlace = [], ByOwner = [];

    public CandidateColumns(IReadOnlyList<CompiledCandidate> candidates)
    {
        Count = candidates.Count;
        Ids = new Guid[Count];
        Organisation = new int[Count];
        Active = new bool[Count];
        Consent = new bool[Count];
        Swedish = new SwedishLevel[Count];
        Licences = new DrivingLicences[Count];
        Municipality = new int[Count];
        County = new int[Count];
        Education = new int[Count];
        AvailableFrom = new int[Count];
        Hours = new int[Count];
        _projectStart = new int[Count + 1];
        _occupationStart = new int[Count + 1];
        _skillStart = new int[Count + 1];
        _languageStart = new int[Count + 1];
        _projects = new int[candidates.Sum(c => c.Projects.Length)];
        _occupations = new int[candidates.Sum(c => c.Occupations.Length)];
        _groups = new int[_occupations.Length];
        _skills = new int[candidates.Sum(c => c.Skills.Length)];
        _languages = new int[candidates.Sum(c => c.Languages.Length)];
        Slots = new Dictionary<Guid, int>(Count);

        var occupation = new Dictionary<int, List<int>>();
        var group4 = new Dictionary<int, List<int>>();
        var group3 = new Dictionary<int, List<int>>();
        var group2 = new Dictionary<int, List<int>>();
        var skill = new Dictionary<int, List<int>>();
        var place = new Dictionary<int, List<int>>();
        var owner = new Dictionary<int, List<int>>();
        static void Post(Dictionary<int, List<int>> lists, int key, int slot)
        {
            if (!lists.TryGetValue(key, out var list))
                lists[key] = list = [];
            if (list.Count == 0 || list[^1] != slot)
                list.Add(slot);
        }

        for (var slot = 0; slot < Count; slot++)
        {
            var c = candidates[slot];
            Ids[slot] = c.Id;
            Slots.Add(c.Id, slot);
            Organisation[slot] = c.Organisation;
            Active[slot] = c.Active;
            Consent[slot] = c.Consent;
            Swedish[slot] = c.Swedish;
            Licences[slot] = c.Licences;
            Municipality[slot] = c.Municipality;
            County[slot] = c.County;
            Education[slot] = c.Education;
            AvailableFrom[slot] = c.AvailableFrom;
            Hours[slot] = c.Hours;
            _projectStart[slot + 1] = Append(_projects, _projectStart[slot], c.Projects);
            _occupationStart[slot + 1] = Append(_occupations, _occupationStart[slot], c.Occupations);
            Append(_groups, _occupationStart[slot], c.Groups);
            _skillStart[slot + 1] = Append(_skills, _skillStart[slot], c.Skills);
            _languageStart[slot + 1] = Append(_languages, _languageStart[slot], c.Languages);

            foreach (var o in c.Occupations)
                Post(occupation, o, slot);
            foreach (var g in c.Groups.Where(g => g >= 0).Distinct())
                Post(group4, g, slot);
            foreach (var g in c.Groups.Where(g => g >= 0).Select(g => g / 10).Distinct())
                Post(group3, g, slot);
            foreach (var g in c.Groups.Where(g => g >= 0).Select(g => g / 100).Distinct())
                Post(group2, g, slot);
            foreach (var s in c.Skills)
                Post(skill, s, slot);
            if (c.Municipality >= 0)
                Post(place, c.Municipality, slot);
            if (c.County >= 0)
                Post(place, c.County, slot);
            Post(owner, c.Organisation, slot);
            foreach (var p in c.Projects)
                Post(owner, p, slot);
        }
        Freeze(occupation, ByOccupation);
        Freeze(group4, ByGroup4);
        Freeze(group3, ByGroup3);
        Freeze(group2, ByGroup2);
        Freeze(skill, BySkill);
        Freeze(place, ByPlace);
        Freeze(owner, ByOwner);
    }

    private static int Append(int[] target, int at, int[] values)
    {
        values.CopyTo(target, at);
        return at + values.Length;
    }

    private static void Freeze(Dictionary<int, List<int>> lists, Dictionary<int, int[]> into)
    {
        foreach (var (key, list) in lists)
            into[key] = [.. list];
    }

    public ReadOnlySpan<int> Projects(int slot) => _projects.AsSpan(_projectStart[slot], _projectStart[slot + 1] - _projectStart[slot]);

    public CandidateView View(int slot) => new(
        Ids[slot], Organisation[slot], Projects(slot), Active[slot], Consent[slot],
        _occupations.AsSpan(_occupationStart[slot], _occupationStart[slot + 1] - _occupationStart[slot]),
        _groups.AsSpan(_occupationStart[slot], _occupationStart[slot + 1] - _occupationStart[slot]),
        _skills.AsSpan(_skillStart[slot], _skillStart[slot + 1] - _skillStart[slot]),
        _languages.AsSpan(_languageStart[slot], _languageStart[slot + 1] - _languageStart[slot]),
        Swedish[slot], Licences[slot], Municipality[slot], County[slot], Education[slot], AvailableFrom[slot], Hours[slot]);

    /// <summary>The compiled candidate of a slot, to carry it into the next base when the index is compacted.</summary>
    public CompiledCandidate Extract(int slot)
    {
        var view = View(slot);
        return new CompiledCandidate
        {
            Id = view.Id, Organisation = view.Organisation, Projects = view.Projects.ToArray(), Active = view.Active,
            Consent = view.Consent, Occupations = view.Occupations.ToArray(), Groups = view.Groups.ToArray(),
            Skills = view.Skills.ToArray(), Languages = view.Languages.ToArray(), Swedish = view.Swedish,
            Licences = view.Licences, Municipality = view.Municipality, County = view.County, Education = view.Education,
            AvailableFrom = view.AvailableFrom, Hours = view.Hours,
        };
    }

    /// <summary>An estimate of the memory the columns and posting lists take, in bytes.</summary>
    public long ApproximateBytes()
    {
        long bytes = Count * (16L + 4 + 1 + 1 + 1 + 4 + 4 * 6 + 4 * 4 + 12 /* Slots entry */ + 8)
            + 4L * (_projects.Length + _occupations.Length + _groups.Length + _skills.Length + _languages.Length);
        foreach (var lists in new[] { ByOccupation, ByGroup4, ByGroup3, ByGroup2, BySkill, ByPlace, ByOwner })
            bytes += lists.Values.Sum(l => 4L * l.Length + 40);
        return bytes;
    }
}
