namespace Brobygge.Participants;

/// <summary>ISO 639-1 or 639-3 codes as people type them: two or three letters, lower-cased.</summary>
public static class LanguageCode
{
    public static bool IsValid(string code) => code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower);

    /// <summary>The lower-cased code, or null when it is not one.</summary>
    public static string? Normalise(string? code)
    {
        var lower = code?.Trim().ToLowerInvariant();
        return lower is not null && IsValid(lower) ? lower : null;
    }
}
