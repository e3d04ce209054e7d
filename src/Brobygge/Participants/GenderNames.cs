namespace Brobygge.Participants;

/// <summary>The names of genders in files and on the command line (participants-import.md), English and Swedish.</summary>
public static class GenderNames
{
    private static readonly Dictionary<string, Gender> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["woman"] = Gender.Woman, ["kvinna"] = Gender.Woman,
        ["man"] = Gender.Man,
        ["non_binary"] = Gender.NonBinary, ["icke-binär"] = Gender.NonBinary,
    };

    public static Gender? Find(string name) => ByName.TryGetValue(name, out var gender) ? gender : null;

    public static string NameOf(Gender gender) => gender switch
    {
        Gender.Woman => "woman",
        Gender.Man => "man",
        _ => "non_binary",
    };
}
