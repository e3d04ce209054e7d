using Microsoft.Extensions.Localization;

namespace Brobygge.Localization;

public static class LocalizerExtensions
{
    /// <summary>The UI name of an enum value: key "Type.Value" in the resource files.</summary>
    public static string Name(this IStringLocalizer localizer, Enum value) => localizer[$"{value.GetType().Name}.{value}"];

    /// <summary>Dates as the ISO form Swedish users write (2026-11-23), whatever the UI language.</summary>
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Iso(this DateOnly? date) => date?.Iso() ?? "";
}
