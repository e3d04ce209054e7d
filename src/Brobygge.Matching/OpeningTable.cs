namespace Brobygge.Matching;

/// <summary>
/// Openings with posting lists by occupation, SSYK 4-, 3- and 2-digit group, listed skill (required or desired) and
/// place (municipality and county), so openings for a candidate are pruned as candidates for an opening are. Immutable.
/// </summary>
internal sealed class OpeningTable
{
    public readonly CompiledOpening[] Items;
    public readonly Dictionary<Guid, int> Slots;
    public readonly Dictionary<int, int[]> ByOccupation = [], ByGroup4 = [], ByGroup3 = [], ByGroup2 = [], BySkill = [], ByPlace = [];

    /// <summary>The most points any opening here gives without occupation, skill or location points.</summary>
    public readonly int MaxOtherButPlace;

    public OpeningTable(IReadOnlyList<CompiledOpening> openings)
    {
        Items = [.. openings];
        Slots = new Dictionary<Guid, int>(Items.Length);
        var lists = new Dictionary<int, List<int>>[6];
        for (var i = 0; i < lists.Length; i++)
            lists[i] = [];
        static void Post(Dictionary<int, List<int>> lists, int key, int slot)
        {
            if (!lists.TryGetValue(key, out var list))
                lists[key] = list = [];
            if (list.Count == 0 || list[^1] != slot)
                list.Add(slot);
        }
        for (var slot = 0; slot < Items.Length; slot++)
        {
            var o = Items[slot];
            Slots.Add(o.Id, slot);
            MaxOtherButPlace = Math.Max(MaxOtherButPlace, o.MaxOther - (o.Municipality >= 0 ? Scoring.SameMunicipality : 0));
            Post(lists[0], o.Occupation, slot);
            if (o.Group >= 0)
            {
                Post(lists[1], o.Group, slot);
                Post(lists[2], o.Group / 10, slot);
                Post(lists[3], o.Group / 100, slot);
            }
            foreach (var skill in o.Required.Concat(o.Desired))
                Post(lists[4], skill, slot);
            if (o.Municipality >= 0)
                Post(lists[5], o.Municipality, slot);
            if (o.County >= 0)
                Post(lists[5], o.County, slot);
        }
        Dictionary<int, int[]>[] into = [ByOccupation, ByGroup4, ByGroup3, ByGroup2, BySkill, ByPlace];
        for (var i = 0; i < lists.Length; i++)
        {
            foreach (var (key, list) in lists[i])
                into[i][key] = [.. list];
        }
    }

    public long ApproximateBytes() => Items.Length * 400L
        + new[] { ByOccupation, ByGroup4, ByGroup3, ByGroup2, BySkill, ByPlace }.Sum(d => d.Values.Sum(l => 4L * l.Length + 40));
}
