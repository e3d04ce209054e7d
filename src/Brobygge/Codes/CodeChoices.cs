using System.Globalization;

namespace Brobygge.Codes;

/// <summary>The closed lists as the options of a form's select: code and name, by name in the UI language.</summary>
public static class CodeChoices
{
    private static StringComparer ByName => StringComparer.Create(CultureInfo.CurrentUICulture, ignoreCase: true);

    public static IEnumerable<(string Value, string Label)> Countries()
        => Codes.Countries.List.All.Select(c => (c.Code, c.Name())).OrderBy(c => c.Item2, ByName);

    public static IEnumerable<(string Value, string Label)> Municipalities()
        => Codes.Municipalities.All.Select(m => (m.Code, $"{m.Name} ({m.County.ShortName})")).OrderBy(m => m.Item2, ByName);
}
