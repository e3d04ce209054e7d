using System.Globalization;
using System.Text;
using System.Text.Json;
using Brobygge.Reports.Snapshots;
using MiniExcelLibs;

namespace Brobygge.Reports.Funders;

/// <summary>The funder report as text, JSON, CSV and XLSX, with the changes since a snapshot beside the figures that moved.</summary>
public static class FunderReportFormats
{
    public static readonly string[] Formats = ["text", "json", "csv", "xlsx"];

    public static string Text(FunderReportResult report, SnapshotComparison? comparison)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Funder report: {report.ProjectCode} {report.ProjectName}, as of {report.AsOf:yyyy-MM-dd}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Profile: {report.Profile.Kind} ({report.Profile.Regulation}); definitions {report.DefinitionsVersion}");
        if (comparison is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"Compared with the snapshot made {comparison.Snapshot.MadeAt:yyyy-MM-dd HH:mm:ss} UTC: {comparison.Moved.Count} figure(s) moved.");
        foreach (var part in new[] { IndicatorPart.Output, IndicatorPart.Result })
        {
            var figures = report.Figures.Where(f => f.Definition.Part == part).ToList();
            if (figures.Count == 0)
                continue;
            text.AppendLine();
            text.AppendLine(part == IndicatorPart.Output ? "Output indicators (at entry)" : "Result indicators");
            text.AppendLine(CultureInfo.InvariantCulture, $"{"indicator",-70} {"total",6} {"women",6} {"men",6} {"non-binary",10}");
            foreach (var figure in figures)
            {
                var c = figure.Counts;
                text.AppendLine(CultureInfo.InvariantCulture, $"{figure.Definition.Name,-70} {c.Total,6} {c.Women,6} {c.Men,6} {c.NonBinary,10}");
                foreach (var (key, _) in c.Parts())
                    if (comparison?.For(figure.Definition.Key + "." + key) is { } moved)
                        AppendMoved(text, moved);
            }
        }
        text.AppendLine();
        text.AppendLine("Sources:");
        foreach (var figure in report.Figures)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {figure.Definition.Key}: {figure.Definition.Source}");
        return text.ToString();
    }

    private static void AppendMoved(StringBuilder text, FigureChange moved)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"    {moved.Key}: {moved.Then} in the snapshot, now {moved.Now} ({moved.Difference:+#;-#})");
        foreach (var record in moved.Records)
            text.AppendLine(CultureInfo.InvariantCulture, $"      {Describe(record)}");
        if (moved.Records.Count == 0)
            text.AppendLine("      no record dated by the as-of date changed since; the facts at entry may have been corrected");
    }

    public static string Describe(ChangedRecord r)
        => $"{r.Kind} of {r.Reference} dated {r.On:yyyy-MM-dd}, {r.Change} by {r.Who} at {r.When:yyyy-MM-dd HH:mm:ss} UTC";

    public static string Json(FunderReportResult report, SnapshotComparison? comparison)
        => JsonSerializer.Serialize(new
        {
            project = report.ProjectCode,
            asOf = report.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            profile = report.Profile.Kind.ToString(),
            regulation = report.Profile.Regulation,
            definitionsVersion = report.DefinitionsVersion,
            indicators = report.Figures.Select(f => new
            {
                key = f.Definition.Key,
                part = f.Definition.Part == IndicatorPart.Output ? "output" : "result",
                name = f.Definition.Name,
                source = f.Definition.Source,
                total = f.Counts.Total,
                women = f.Counts.Women,
                men = f.Counts.Men,
                nonBinary = f.Counts.NonBinary,
            }),
            snapshot = comparison is null ? null : new
            {
                madeAt = comparison.Snapshot.MadeAt,
                definitionsVersion = comparison.Snapshot.DefinitionsVersion,
                moved = comparison.Moved.Select(m => new
                {
                    key = m.Key, then = m.Then, now = m.Now,
                    records = m.Records.Select(r => new { kind = r.Kind, reference = r.Reference, on = r.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), change = r.Change, who = r.Who, when = r.When }),
                }),
            },
        }, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>One row per indicator; with a snapshot, each row also says what moved since and which records moved it.</summary>
    public static IEnumerable<IDictionary<string, object>> Rows(FunderReportResult report, SnapshotComparison? comparison)
        => report.Figures.Select(f =>
        {
            var row = new Dictionary<string, object>
            {
                ["key"] = f.Definition.Key,
                ["part"] = f.Definition.Part == IndicatorPart.Output ? "output" : "result",
                ["indicator"] = f.Definition.Name,
                ["total"] = f.Counts.Total,
                ["women"] = f.Counts.Women,
                ["men"] = f.Counts.Men,
                ["non_binary"] = f.Counts.NonBinary,
                ["source"] = f.Definition.Source,
            };
            if (comparison is not null)
                row["changed_since_snapshot"] = string.Join("; ", f.Counts.Parts()
                    .Select(p => comparison.For(f.Definition.Key + "." + p.Part)).OfType<FigureChange>()
                    .Select(m => $"{m.Key} {m.Then}→{m.Now}: " + (m.Records.Count == 0 ? "no record found" : string.Join(", ", m.Records.Select(Describe)))));
            return (IDictionary<string, object>)row;
        });

    public static string Csv(FunderReportResult report, SnapshotComparison? comparison)
    {
        var rows = Rows(report, comparison).ToList();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', rows[0].Keys));
        foreach (var row in rows)
            csv.AppendLine(string.Join(',', row.Values.Select(v => Quote(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))));
        return csv.ToString();
    }

    public static void Xlsx(FunderReportResult report, SnapshotComparison? comparison, Stream output)
        => output.SaveAs(Rows(report, comparison).ToList(), sheetName: "Funder report", excelType: ExcelType.XLSX);

    /// <summary>RFC 4180, and a leading =, +, - or @ is quoted away so a spreadsheet never runs a cell as a formula.</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
