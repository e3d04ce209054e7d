using System.Globalization;

namespace Brobygge.Codes;

/// <summary>One code of a closed list with its Swedish and English names and the other names people type.</summary>
public sealed record CodeEntry(string Code, string Swedish, string English, IReadOnlyList<string> Aliases)
{
    /// <summary>The name in the culture's language: Swedish for sv, English otherwise.</summary>
    public string Name(CultureInfo? culture = null)
        => (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "sv" ? Swedish : English;
}

/// <summary>
/// A closed list of codes read from a CSV file embedded in the program (the program never reads ../shared at run
/// time). Finds an entry by its code or by any of its names, ignoring case; anything else is not in the list.
/// </summary>
public sealed class CodeList
{
    private readonly Dictionary<string, CodeEntry> byCode;
    private readonly Dictionary<string, CodeEntry> byName = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CodeEntry> All { get; }

    public CodeList(IReadOnlyList<CodeEntry> entries)
    {
        All = entries;
        byCode = entries.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        // Names before aliases, so that an alias never takes a name another entry is called by.
        foreach (var entry in entries)
        {
            byName.TryAdd(entry.Swedish, entry);
            byName.TryAdd(entry.English, entry);
        }
        foreach (var entry in entries)
            foreach (var alias in entry.Aliases)
                byName.TryAdd(alias, entry);
    }

    /// <summary>The entry with this code or name, or null when the list has none.</summary>
    public CodeEntry? TryFind(string? codeOrName)
    {
        var key = codeOrName?.Trim();
        if (string.IsNullOrEmpty(key))
            return null;
        return byCode.GetValueOrDefault(key) ?? byName.GetValueOrDefault(key);
    }

    /// <summary>The entry with exactly this code (any case), not a name.</summary>
    public CodeEntry? WithCode(string? code) => code is null ? null : byCode.GetValueOrDefault(code.Trim());

    public bool Contains(string? code) => WithCode(code) is not null;

    /// <summary>The code's name in the culture's language; a code outside the list (kept from before the list
    /// existed) is shown as it is stored rather than hidden.</summary>
    public string Name(string code, CultureInfo? culture = null) => WithCode(code)?.Name(culture) ?? code;

    /// <summary>Reads an embedded list with columns code, sv, en and optionally aliases ('|'-separated).</summary>
    internal static CodeList FromResource(string file)
        => new(CodeFile.ReadResource(file).Select(row => new CodeEntry(row["code"], row["sv"], row["en"],
            row.TryGetValue("aliases", out var aliases) ? aliases.Split('|', StringSplitOptions.RemoveEmptyEntries) : [])).ToList());
}
