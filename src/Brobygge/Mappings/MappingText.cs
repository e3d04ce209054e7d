using System.Globalization;
using Brobygge.Localization;
using Microsoft.Extensions.Localization;

namespace Brobygge.Mappings;

/// <summary>Mapping values and changes as the UI says them.</summary>
public static class MappingText
{
    public static string EducationLevel(this IStringLocalizer t, int? level)
        => level is { } l ? $"{l} – {t[$"Isced.{l}"]}" : "";

    public static string Years(this IStringLocalizer t, double years)
        => t["{0} years", years.ToString("0.#", CultureInfo.CurrentCulture)];

    public static string Experience(this IStringLocalizer t, WorkExperience experience)
        => $"{experience.Label} ({t.Years(experience.Years)})";

    public static string Language(this IStringLocalizer t, LanguageSkill language)
        => $"{Codes.Languages.Name(language.Code)} ({t.Name(language.Level)})";

    /// <summary>One change as a sentence, e.g. "Erfarenhet: lade till Kock, à la carte (3 år)".</summary>
    public static string Describe(this IStringLocalizer t, MappingChange change)
    {
        var field = t.Name(change.Field);
        var before = t.Value(change.Field, change.Before);
        var after = t.Value(change.Field, change.After);
        if (change.Item is { } code)
        {
            var item = change.Field == MappingField.Languages ? Codes.Languages.Name(code) : code;
            return change.Kind switch
            {
                ChangeKind.Added => t["{0}: added {1}", field, With(item, after)],
                ChangeKind.Removed => t["{0}: removed {1}", field, With(item, before)],
                _ => t["{0}: {1} changed from {2} to {3}", field, item, before, after],
            };
        }
        return change.Kind switch
        {
            ChangeKind.Added => t["{0}: {1}", field, after],
            ChangeKind.Removed => t["{0}: removed (was {1})", field, before],
            _ => t["{0}: changed from {1} to {2}", field, before, after],
        };
    }

    private static string With(string item, string value) => value.Length == 0 ? item : $"{item} ({value})";

    private static string Value(this IStringLocalizer t, MappingField field, object? value) => value switch
    {
        null => "",
        double years => t.Years(years),
        Enum name => t.Name(name),
        _ => value.ToString() ?? "",
    };
}
