using System.Globalization;

namespace Brobygge.Codes;

/// <summary>
/// Languages: ISO 639-1 codes where one exists (<c>ar</c>, <c>ti</c>, <c>so</c>, <c>ku</c>), ISO 639-3 otherwise
/// (<c>prs</c> Dari, <c>ckb</c> Central Kurdish), as participants-import.md asks. Every ISO 639-1 language and the
/// ISO 639-3 ones that people in Swedish integration projects speak (languages.csv, made by tools/codes/generate.py).
/// </summary>
public static class Languages
{
    public static CodeList List { get; } = CodeList.FromResource("languages.csv");

    /// <summary>The code of the language with this code or name ("ar", "Arabiska", "Arabic" → "ar"), or null.</summary>
    public static string? TryFind(string? codeOrName) => List.TryFind(codeOrName)?.Code;

    public static bool IsCode(string? code) => List.Contains(code);

    public static string Name(string code, CultureInfo? culture = null) => List.Name(code, culture);

    /// <summary>The names of the codes in the culture's language, in order, separated by commas.</summary>
    public static string Names(IEnumerable<string> codes, CultureInfo? culture = null) => string.Join(", ", codes.Select(code => Name(code, culture)));
}
