using System.Net;
using System.Text.RegularExpressions;

namespace Brobygge.Tests.Forms;

/// <summary>
/// The error a form shows next to one field: the element the field's input points to with aria-describedby, id
/// <c>{field id}_error</c> (FieldTagHelper and the hand-written fields), or the span of <c>asp-validation-for</c>
/// (<c>data-valmsg-for</c>). Only that element counts: the same words in a label, a hint or the summary at the top
/// do not show that this field was refused.
/// </summary>
public static partial class FieldErrors
{
    /// <summary>The text of the field's error element, decoded; null when the page shows no error for the field.</summary>
    public static string? Of(string page, string field)
    {
        // Input.Experience[1].Occupation → Input_Experience_1_Occupation, as the pages write ids.
        var id = Regex.Escape(field.Replace('.', '_').Replace('[', '_').Replace("]", "", StringComparison.Ordinal) + "_error");
        var name = Regex.Escape(field);
        var match = Regex.Match(page, $"""<(?<tag>[a-z]+)\b[^>]*?\s(?:id="{id}"|data-valmsg-for="{name}")[^>]*>(?<text>.*?)</\k<tag>>""",
            RegexOptions.Singleline | RegexOptions.IgnoreCase);
        var text = match.Success ? WebUtility.HtmlDecode(Tags().Replace(match.Groups["text"].Value, " ")).Trim() : "";
        return text.Length == 0 ? null : text;
    }

    /// <summary>Asserts that the error next to <paramref name="field"/> says <paramref name="message"/> (a part of it,
    /// case aside); it fails when the words stand elsewhere on the page but not there.</summary>
    public static void AssertNamed(string page, string field, string message)
    {
        var error = Of(page, field);
        Assert.True(error is not null && error.Contains(message, StringComparison.OrdinalIgnoreCase),
            $"The error next to {field} should say \"{message}\"; it says {(error is null ? "nothing" : $"\"{error}\"")}.");
    }

    /// <summary>Asserts that the page shows some error next to <paramref name="field"/>, whatever it says.</summary>
    public static string AssertNamed(string page, string field)
    {
        var error = Of(page, field);
        Assert.True(error is not null, $"The page shows no error next to {field}.");
        return error!;
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();
}
