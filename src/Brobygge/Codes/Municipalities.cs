using System.Globalization;

namespace Brobygge.Codes;

/// <summary>A Swedish county (län) by its two-digit code.</summary>
public sealed record County(string Code, string Name, string ShortName);

/// <summary>A Swedish municipality (kommun) by its four-digit code, e.g. 1283 Helsingborg in 12 Skåne.</summary>
public sealed record Municipality(string Code, string Name, County County);

/// <summary>
/// Sweden's municipalities and counties (municipalities.csv, counties.csv from ../shared/data/se-geo, made by
/// tools/codes/generate.py). A municipality's name is the same in Swedish and English.
/// </summary>
public static class Municipalities
{
    private static readonly Dictionary<string, Municipality> ByCode;
    private static readonly Dictionary<string, Municipality> ByName = new(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Municipality> All { get; }

    public static IReadOnlyList<County> Counties { get; }

    static Municipalities()
    {
        var counties = CodeFile.ReadResource("counties.csv").Select(row => new County(row["code"], row["name"], row["short"])).ToList();
        var countyByCode = counties.ToDictionary(c => c.Code);
        All = CodeFile.ReadResource("municipalities.csv").Select(row => new Municipality(row["code"], row["name"], countyByCode[row["county"]])).ToList();
        Counties = counties;
        ByCode = All.ToDictionary(m => m.Code);
        foreach (var municipality in All)
        {
            ByName.TryAdd(municipality.Name, municipality);
            // "Helsingborgs kommun", "Göteborgs stad": how the municipalities call themselves.
            ByName.TryAdd(municipality.Name.EndsWith('s') ? $"{municipality.Name} kommun" : $"{municipality.Name}s kommun", municipality);
        }
    }

    /// <summary>The municipality with this four-digit code or name ("1283", "Helsingborg"), or null.</summary>
    public static Municipality? TryFind(string? codeOrName)
    {
        var key = codeOrName?.Trim();
        if (string.IsNullOrEmpty(key))
            return null;
        return ByCode.GetValueOrDefault(key) ?? ByName.GetValueOrDefault(key);
    }

    public static bool IsCode(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>The municipality's name (the same in both languages); a code outside the list is shown as stored.</summary>
    public static string Name(string code, CultureInfo? culture = null) => ByCode.GetValueOrDefault(code)?.Name ?? code;
}
