using System.Globalization;

namespace Brobygge.Codes;

/// <summary>Countries by ISO 3166-1 alpha-2 code, plus XK for Kosovo (user-assigned; the code the EU and
/// Swedish agencies use). countries.csv, made by tools/codes/generate.py from ISO 3166-1.</summary>
public static class Countries
{
    public static CodeList List { get; } = CodeList.FromResource("countries.csv");

    /// <summary>The upper-case code of the country with this code or name ("se", "Sverige", "Sweden" → "SE"), or null.</summary>
    public static string? TryFind(string? codeOrName) => List.TryFind(codeOrName)?.Code;

    public static bool IsCode(string? code) => List.Contains(code);

    public static string Name(string code, CultureInfo? culture = null) => List.Name(code, culture);

    /// <summary>
    /// The EU member states, the other EEA states (Iceland, Liechtenstein, Norway) and Switzerland, whose citizens move
    /// freely: a person without any of these citizenships is a third-country national (AMIF, Regulation (EU)
    /// 2021/1147 Art. 2; Regulation (EU) No 516/2014 Art. 2(b)).
    /// </summary>
    public static readonly IReadOnlySet<string> FreeMovement = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
    };
}
