using System.Globalization;
using System.Text.RegularExpressions;

namespace Brobygge.Enrolments;

/// <summary>
/// An automatic reference follows the project's own pattern: the prefix most of its references share (RK-0042 → RK-),
/// numbered on from the highest with that prefix, as wide as they are. A project without numbered references starts at
/// P-0001.
/// </summary>
public static partial class ReferencePattern
{
    public static string Next(IEnumerable<string> used)
    {
        var numbered = used.Select(r => Numbered().Match(r)).Where(m => m.Success)
            .Select(m => (Prefix: m.Groups["prefix"].Value, Number: m.Groups["number"].Value)).ToList();
        if (numbered.Count == 0)
            return "P-0001";
        var prefix = numbered.GroupBy(r => r.Prefix).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First();
        var width = prefix.Max(r => r.Number.Length);
        var highest = prefix.Max(r => long.TryParse(r.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
        return prefix.Key + (highest + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }

    [GeneratedRegex(@"^(?<prefix>\D*?)(?<number>\d{1,9})$")]
    private static partial Regex Numbered();
}
