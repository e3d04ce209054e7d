using System.Globalization;

namespace Brobygge.Imports;

/// <summary>
/// One problem with a file: the line (the header is line 1), the column, the value as written and the reason. The
/// reason is an English resource key with its arguments, so the page can say it in the user's language and the
/// command line in English.
/// </summary>
public sealed class ImportProblem(int line, string column, string value, string reason, params object[] arguments)
{
    public int Line { get; } = line;
    public string Column { get; } = column;
    public string Value { get; } = value;
    public string Reason { get; } = reason;
    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary><c>line N: column: value: reason</c>; a problem with the whole line has no column or value.</summary>
    public string Describe(Func<string, object[], string> say)
        => Column.Length == 0
            ? $"line {Line}: {say(Reason, [.. Arguments])}"
            : $"line {Line}: {Column}: {Value}: {say(Reason, [.. Arguments])}";

    public override string ToString() => Describe((reason, arguments) => string.Format(CultureInfo.InvariantCulture, reason, arguments));
}
