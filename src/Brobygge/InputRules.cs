using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Brobygge;

/// <summary>A text field where line breaks and tabs belong (notes, goals, one skill per line).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>Adds a problem under a field; the message is an English resource key, formatted with the arguments.</summary>
public delegate void ReportInput(string field, string message, params object[] arguments);

/// <summary>
/// The rules every input obeys whatever it is, checked in one place before any rule of its own: on the pages
/// (<c>Forms/FormInputFilter</c>), in the API (<c>Api/ApiInputFilter</c>) and on the command line. Text holds no
/// control characters (they break PostgreSQL and hide in reports), dates are plausible, numbers are finite, lists
/// are bounded and hold no empty items, and an object the request needs is there.
/// </summary>
public static class InputRules
{
    /// <summary>No input list (languages, rows of experience, licences …) is longer than this.</summary>
    public const int MaxItems = 100;

    /// <summary>No date anyone enters is before this: not a birth, not a contact, not a milestone.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    /// <summary>Planned things (an internship's last day, a plan step, a project's end) lie at most this far ahead.</summary>
    public const int YearsAhead = 10;

    public static DateOnly LatestDate(DateOnly today) => today.AddYears(YearsAhead);

    public static bool IsPlausible(DateOnly date, DateOnly today) => date >= EarliestDate && date <= LatestDate(today);

    public const string DateMessage = "Enter a date between {0} and {1}.";
    public const string ControlCharacterMessage = "Remove the control characters (such as NUL) from the text.";
    public const string NumberMessage = "Enter a number.";
    public const string TooManyMessage = "At most {0} items.";
    public const string EmptyItemMessage = "Remove the empty item from the list.";
    public const string RequiredMessage = "This field is required.";

    /// <summary>Text a database can store and a reader can see: no C0/C1 control character (tab and line breaks only
    /// where the field holds several lines), no half of a surrogate pair.</summary>
    public static bool IsCleanText(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(multiLine && c is '\t' or '\n' or '\r'))
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }
        return true;
    }

    /// <summary>Checks a date against <see cref="IsPlausible"/>; reports it under the field.</summary>
    public static void CheckDate(DateOnly date, string field, DateOnly today, ReportInput report)
    {
        if (!IsPlausible(date, today))
            report(field, DateMessage, Iso(EarliestDate), Iso(LatestDate(today)));
    }

    /// <summary>
    /// Walks an input (a form model, a request body) and reports every value that breaks the rules under its field:
    /// <c>Input.Experience[2].Occupation</c>. With <paramref name="requireDeclaredNotNull"/> a property declared
    /// non-nullable that holds null is reported too: JSON can send <c>null</c> where a form never can.
    /// </summary>
    public static void Check(object? value, string field, DateOnly today, ReportInput report, bool requireDeclaredNotNull = false)
        => Walk(value, field, today, report, requireDeclaredNotNull, multiLine: false, depth: 0);

    private static readonly NullabilityInfoContext Nullability = new();

    private static void Walk(object? value, string field, DateOnly today, ReportInput report, bool requireNotNull, bool multiLine, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (!IsCleanText(text, multiLine))
                    report(field, ControlCharacterMessage);
                return;
            case DateOnly date:
                CheckDate(date, field, today, report);
                return;
            case double number when !double.IsFinite(number):
            case float single when !float.IsFinite(single):
                report(field, NumberMessage);
                return;
            case IEnumerable items:
                WalkItems(items, field, today, report, requireNotNull, multiLine, depth);
                return;
        }
        var type = value.GetType();
        if (depth > 8 || type.IsPrimitive || type.IsEnum || type.Namespace?.StartsWith(nameof(Brobygge), StringComparison.Ordinal) != true)
            return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0)
                continue;
            var item = property.GetValue(value);
            var name = Join(field, property.Name);
            if (item is null)
            {
                if (requireNotNull && !property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.NotNull)
                    report(name, RequiredMessage);
                continue;
            }
            Walk(item, name, today, report, requireNotNull, property.IsDefined(typeof(MultiLineAttribute)), depth + 1);
        }
    }

    private static void WalkItems(IEnumerable items, string field, DateOnly today, ReportInput report, bool requireNotNull, bool multiLine, int depth)
    {
        var index = 0;
        foreach (var item in items)
        {
            if (index == MaxItems)
            {
                report(field, TooManyMessage, MaxItems);
                return;
            }
            if (item is null)
                report($"{field}[{index}]", EmptyItemMessage);
            else
                Walk(item, $"{field}[{index}]", today, report, requireNotNull, multiLine, depth + 1);
            index++;
        }
    }

    private static string Join(string field, string name) => field.Length == 0 || field.EndsWith('.') ? field + name : field + "." + name;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
