using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using MiniExcelLibs;

namespace Brobygge.Reports;

/// <summary>One line of a report as a table (CSV and XLSX): a section, an item, and a figure for everyone and by gender.
/// Goals take three sections (target, actual, percent of target) with the gender goals in their gender's column;
/// a cell without a figure is empty.</summary>
public sealed record ReportRow(string Section, string Item, string Total, string Women, string Men, string NonBinary);

/// <summary>The goal report as JSON, CSV, XLSX and text: the same figures in every format.</summary>
public static class ReportFormats
{
    public static readonly string[] Columns = ["section", "item", "total", "women", "men", "non_binary"];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(GoalReport report) => JsonSerializer.Serialize(report, Json);

    public static IEnumerable<ReportRow> Rows(GoalReport report)
    {
        yield return new ReportRow("report", "project", report.Project, "", "", "");
        if (report.From is { } from)
            yield return new ReportRow("report", "from", Iso(from), "", "", "");
        yield return new ReportRow("report", "as_of", Iso(report.AsOf), "", "", "");
        foreach (var (section, pick) in new (string, Func<GoalFigure, string>)[]
                 {
                     ("goal_target", g => Number(g.Target)), ("goal_actual", g => Number(g.Actual)),
                     ("goal_percent_of_target", g => Number(g.PercentOfTarget)),
                 })
            foreach (var goals in report.Goals.GroupBy(g => g.Indicator))
                yield return new ReportRow(section, goals.Key,
                    goals.Where(g => g.Gender is null).Select(pick).FirstOrDefault() ?? "",
                    goals.Where(g => g.Gender == "woman").Select(pick).FirstOrDefault() ?? "",
                    goals.Where(g => g.Gender == "man").Select(pick).FirstOrDefault() ?? "",
                    goals.Where(g => g.Gender == "non_binary").Select(pick).FirstOrDefault() ?? "");
        foreach (var row in IndicatorRows("indicators", report.Indicators))
            yield return row;
        foreach (var (step, counts) in report.Funnel.Steps())
            yield return Counts("funnel", step, counts);
        yield return new ReportRow("time_to_first_job", "participants", Number(report.TimeToFirstJob.Count), "", "", "");
        yield return new ReportRow("time_to_first_job", "median_days", Number(report.TimeToFirstJob.MedianDays), "", "", "");
        foreach (var band in report.TimeToFirstJob.Distribution)
            yield return new ReportRow("time_to_first_job", band.Band, Number(band.Count), "", "", "");
        yield return Counts("active", "participants", report.Active);
        foreach (var caseload in report.Caseloads)
            yield return new ReportRow("caseload", caseload.Staff, Number(caseload.Participants), "", "", "");
        foreach (var month in report.Monthly)
            foreach (var row in IndicatorRows("month " + month.Month, month.Indicators))
                yield return row;
    }

    /// <summary>Each indicator under its goal name, then the retention at six months.</summary>
    private static IEnumerable<ReportRow> IndicatorRows(string section, Indicators indicators)
    {
        foreach (var (name, indicator) in Projects.GoalIndicators.ByName)
            yield return Counts(section, name, indicators.For(indicator));
        var all = indicators.RetainedAt6Months;
        var (women, men, nonBinary) = (indicators.RetainedAt6MonthsByGender.Women, indicators.RetainedAt6MonthsByGender.Men, indicators.RetainedAt6MonthsByGender.NonBinary);
        foreach (var (item, pick) in new (string, Func<Retention, string>)[]
                 {
                     ("retention_retained", r => Number(r.Retained)), ("retention_followed_up", r => Number(r.FollowedUp)),
                     ("retention_unreached", r => Number(r.Unreached)), ("retention_rate", r => Number(r.Rate)),
                 })
            yield return new ReportRow(section, item, pick(all), pick(women), pick(men), pick(nonBinary));
    }

    private static ReportRow Counts(string section, string item, GenderCounts counts)
        => new(section, item, Number(counts.Total), Number(counts.Women), Number(counts.Men), Number(counts.NonBinary));

    public static async Task WriteCsvAsync(GoalReport report, TextWriter output)
    {
        await output.WriteLineAsync(string.Join(',', Columns));
        foreach (var row in Rows(report))
            await output.WriteLineAsync(string.Join(',', new[] { row.Section, row.Item, row.Total, row.Women, row.Men, row.NonBinary }.Select(Csv)));
    }

    public static string ToCsv(GoalReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsvAsync(report, writer).GetAwaiter().GetResult();
        return writer.ToString();
    }

    /// <summary>One sheet, the CSV's table; figures as numbers so a spreadsheet can sum them.</summary>
    public static async Task WriteXlsxAsync(GoalReport report, Stream output, CancellationToken cancellationToken = default)
    {
        var rows = Rows(report).Select(row => new Dictionary<string, object?>
        {
            ["section"] = row.Section,
            ["item"] = row.Item,
            ["total"] = Cell(row.Total),
            ["women"] = Cell(row.Women),
            ["men"] = Cell(row.Men),
            ["non_binary"] = Cell(row.NonBinary),
        }).ToList();
        await output.SaveAsAsync(rows, sheetName: "report", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    private static object? Cell(string value)
        => value.Length == 0 ? null
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && !value.Contains('-', StringComparison.Ordinal) ? number
            : value;

    public static string ToText(GoalReport report)
    {
        var text = new StringBuilder();
        var period = report.From is { } from ? $"{Iso(from)} to {Iso(report.AsOf)}" : $"as of {Iso(report.AsOf)}";
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal report for {report.Project} ({report.ProjectName}), {period}");
        text.AppendLine();
        if (report.Goals.Count > 0)
        {
            text.AppendLine("Goals                         target   actual   % of target");
            foreach (var goal in report.Goals)
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  {goal.Indicator + (goal.Gender is null ? "" : ":" + goal.Gender),-28}{goal.Target,7}  {goal.Actual,7}   {(goal.PercentOfTarget is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "-")}");
            text.AppendLine();
        }
        text.AppendLine("Indicators                      total    women      men  non-binary");
        foreach (var (name, indicator) in Projects.GoalIndicators.ByName)
        {
            var c = report.Indicators.For(indicator);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {name,-28}{c.Total,7}  {c.Women,7}  {c.Men,7}  {c.NonBinary,10}");
        }
        var r = report.Indicators.RetainedAt6Months;
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Retained at six months: {r.Retained} of {r.FollowedUp} reached ({(r.Rate is { } rate ? (100 * rate).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "no one reached")}); {r.Unreached} unreached");
        text.AppendLine(CultureInfo.InvariantCulture, $"Active on {Iso(report.AsOf)}: {report.Active.Total}");
        text.AppendLine("Funnel: " + string.Join(" -> ", report.Funnel.Steps().Select(s => $"{s.Step} {s.Counts.Total}")));
        var job = report.TimeToFirstJob;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Time to first job: {job.Count} participants, median {(job.MedianDays is { } m ? m.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "-")}; {string.Join(", ", job.Distribution.Select(b => $"{b.Band}: {b.Count}"))}");
        if (report.Caseloads.Count > 0)
            text.AppendLine("Caseloads: " + string.Join(", ", report.Caseloads.Select(c => $"{c.Staff} {c.Participants}")));
        return text.ToString();
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    private static string Csv(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            // A cell a spreadsheet would run as a formula is written as text (staff names come from users).
            : value.Length > 0 && value[0] is '=' or '+' or '@' ? "'" + value
            : value;
}
