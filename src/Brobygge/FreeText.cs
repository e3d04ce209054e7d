namespace Brobygge;

/// <summary>
/// Free text the operations take (names of employers, places, notes, titles): a length limit the database column
/// sets, counted as stored, and stored trimmed, with blank as no value. The rules every input obeys whatever its
/// field are <see cref="InputRules"/>.
/// </summary>
public static class FreeText
{
    /// <summary>Reports text longer than the field holds, counted without the spaces around it, as it is stored.</summary>
    public static void CheckLength(this Problems problems, string field, string? value, int maximum)
    {
        if (value is { } text && text.Trim().Length > maximum)
            problems.Add(field, $"Too long: at most {maximum} characters.");
    }

    /// <summary>The text as stored: trimmed, and null when blank.</summary>
    public static string? Stored(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
