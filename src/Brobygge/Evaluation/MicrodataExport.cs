using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Brobygge.Codes;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Leaving;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Reports;
using Brobygge.Reports.Funders;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Brobygge.Evaluation;

/// <summary>The export: pseudonymised rows (one per enrolment) and aggregate tables, both safe to hand an evaluator.</summary>
public sealed record Microdata(IReadOnlyList<string> Columns, IReadOnlyList<string[]> Rows, IReadOnlyList<SuppressedTable> Tables, int Enrolments);

/// <summary>
/// The evaluator's microdata (PRODUCT.md, "Reports", point 3): one row per enrolment with no name, identity number,
/// reference or date of birth; a pseudonym that is the same for the same enrolment under the same export key and
/// unrelated under another (HMAC-SHA-256 keyed with the export key the exporter gives, over the project and the
/// enrolment's internal id, which the evaluator never sees); the quasi-identifiers generalised and suppressed until every
/// combination holds at least five rows (<see cref="Anonymisation"/>), and the rows in pseudonym order, so the order
/// reveals nothing either. The aggregate tables suppress counts under five with complementary suppression.
/// </summary>
public static class MicrodataExport
{
    /// <summary>A key shorter than this could be guessed; the pseudonyms are only as private as the key.</summary>
    public const int MinimumKeyLength = 16;

    public static readonly string[] QuasiIdentifierColumns = ["gender", "age_band", "home_municipality", "country_of_birth", "citizenship", "entry_month", "exit_month"];

    public static readonly string[] OtherColumns = ["status_at_entry", "education_isced", "exit_reason", "employed", "studying",
        "upon_leaving_in_work", "upon_leaving_in_education", "upon_leaving_job_searching", "upon_leaving_qualification", "followup_6m"];

    public static string? KeyProblem(string? key)
        => string.IsNullOrWhiteSpace(key) || key.Trim().Length < MinimumKeyLength
            ? "Give an export key of at least {0} characters; the same key gives the same pseudonyms."
            : null;

    private sealed record Source(Guid Id, Gender Gender, int Age, string? Municipality, string? CountryOfBirth, List<string> Citizenship,
        DateOnly EnrolledOn, DateOnly? ExitedOn, LabourStatusAtEntry Status, int? Education, ExitReason? ExitReason, bool Employed, bool Studying,
        bool InWork, bool InEducation, bool JobSearching, bool Qualification, FollowUpStatus? SixMonths);

    /// <summary>The export as of the date; without a key, the aggregate tables only.</summary>
    public static async Task<Microdata> BuildAsync(BrobyggeDb db, Project project, string? exportKey, DateOnly asOf, CancellationToken cancellationToken)
    {
        var situations = ReportAccess.ForAggregates<LeavingSituation>(db);
        var window = LeavingRules.WindowDays;
        var sources = await ReportAccess.ForAggregates<Enrolment>(db).AsNoTracking()
            .Where(e => e.ProjectId == project.Id && e.EnrolledOn <= asOf)
            .Select(e => new { e, Exit = e.ExitedOn != null && e.ExitedOn <= asOf ? e.ExitedOn : null })
            .Select(x => new Source(x.e.Id, x.e.GenderAtEntry, x.e.AgeAtEntry, x.e.MunicipalityAtEntry, x.e.CountryOfBirth, x.e.Citizenship,
                x.e.EnrolledOn, x.Exit, x.e.StatusAtEntry, x.e.EducationLevelAtEntry, x.Exit == null ? null : x.e.ExitReason,
                x.e.FirstJobOn != null && x.e.FirstJobOn <= asOf, x.e.FirstStudiesOn != null && x.e.FirstStudiesOn <= asOf,
                situations.Any(s => s.EnrolmentId == x.e.Id && s.Kind == LeavingSituationKind.InWork && s.On >= x.Exit && s.On <= asOf && s.On <= x.Exit!.Value.AddDays(window)),
                situations.Any(s => s.EnrolmentId == x.e.Id && s.Kind == LeavingSituationKind.InEducationOrTraining && s.On >= x.Exit && s.On <= asOf && s.On <= x.Exit!.Value.AddDays(window)),
                situations.Any(s => s.EnrolmentId == x.e.Id && s.Kind == LeavingSituationKind.JobSearching && s.On >= x.Exit && s.On <= asOf && s.On <= x.Exit!.Value.AddDays(window)),
                situations.Any(s => s.EnrolmentId == x.e.Id && s.Kind == LeavingSituationKind.QualificationGained && s.On >= x.Exit && s.On <= asOf && s.On <= x.Exit!.Value.AddDays(window)),
                x.Exit != null && x.e.FollowUp6mOn <= asOf ? x.e.FollowUp6mStatus : null))
            .ToListAsync(cancellationToken);

        var tables = Tables(sources, FunderProfile.Of(project.FunderProfile));
        if (exportKey is null)
            return new Microdata(["pseudonym", .. QuasiIdentifierColumns, .. OtherColumns], [], tables, sources.Count);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(exportKey.Trim()));
        var pseudonyms = sources.ToDictionary(s => s.Id, s => Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{project.Id:N}/{s.Id:N}")))[..20]);
        var ordered = sources.OrderBy(s => pseudonyms[s.Id], StringComparer.Ordinal).ToList();

        var quasi = ordered.Select(s => new[]
        {
            s.Gender.ToString(), s.Age.ToString(CultureInfo.InvariantCulture), s.Municipality ?? "", s.CountryOfBirth ?? "",
            string.Join('|', s.Citizenship), Month(s.EnrolledOn), s.ExitedOn is { } exit ? Month(exit) : "",
        }).ToList();
        Anonymisation.Apply(Hierarchies, quasi);
        var rows = quasi.Count == 0 ? [] : ordered.Select((s, i) => new[] { pseudonyms[s.Id] }.Concat(quasi[i]).Concat(new[]
        {
            s.Status.ToString(), s.Education?.ToString(CultureInfo.InvariantCulture) ?? "", s.ExitReason?.ToString() ?? "",
            YesNo(s.Employed), YesNo(s.Studying), YesNo(s.InWork), YesNo(s.InEducation), YesNo(s.JobSearching), YesNo(s.Qualification),
            s.SixMonths?.ToString() ?? "",
        }).ToArray()).ToList();

        return new Microdata(["pseudonym", .. QuasiIdentifierColumns, .. OtherColumns], rows, tables, sources.Count);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Month(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The generalisation steps of each quasi-identifier, in the order of <see cref="QuasiIdentifierColumns"/>.
    /// Empty (not known) stays empty until the column is suppressed.</summary>
    public static readonly IReadOnlyList<QuasiIdentifier> Hierarchies =
    [
        new("gender", [v => v, _ => Anonymisation.Suppressed]),
        new("age_band", [v => Band(v, 5), v => Band(v, 10), v => Band(v, 20), _ => Anonymisation.Suppressed]),
        new("home_municipality", [v => v, v => v.Length == 4 ? "county " + v[..2] : v, _ => Anonymisation.Suppressed]),
        new("country_of_birth", [v => v, v => v.Length == 0 ? v : v == "SE" ? "SE" : "abroad", _ => Anonymisation.Suppressed]),
        new("citizenship", [v => v, CitizenshipGroup, _ => Anonymisation.Suppressed]),
        new("entry_month", [v => v, Quarter, v => v.Length >= 4 ? v[..4] : v, _ => Anonymisation.Suppressed]),
        new("exit_month", [v => v, Quarter, v => v.Length >= 4 ? v[..4] : v, _ => Anonymisation.Suppressed]),
    ];

    private static string Band(string age, int width)
    {
        var years = int.Parse(age, CultureInfo.InvariantCulture);
        var from = years / width * width;
        return $"{from}-{from + width - 1}";
    }

    private static string Quarter(string month)
        => month.Length == 7 ? $"{month[..4]}-Q{(int.Parse(month[5..], CultureInfo.InvariantCulture) + 2) / 3}" : month;

    private static string CitizenshipGroup(string codes)
        => codes.Length == 0 ? codes
            : codes == EntryFacts.Stateless ? "stateless"
            : EntryFacts.ThirdCountryNational(codes.Split('|')) == true ? "third country" : "EU/EEA/CH";

    private static IReadOnlyList<SuppressedTable> Tables(IReadOnlyList<Source> sources, FunderProfile profile)
    {
        var genders = profile.Genders.Count == 3 || sources.Any(s => s.Gender == Gender.NonBinary) ? Enum.GetValues<Gender>() : profile.Genders.ToArray();
        string[] results = ["In work upon leaving", "In education upon leaving", "Job searching upon leaving", "Left, none of these", "Not left"];
        int ResultOf(Source s) => s.ExitedOn is null ? 4 : s.InWork ? 0 : s.InEducation ? 1 : s.JobSearching ? 2 : 3;
        var byResult = new int[genders.Length, results.Length];
        var bands = new[] { "below 25", "25-54", "55 and above" };
        int BandOf(Source s) => s.Age < 25 ? 0 : s.Age <= 54 ? 1 : 2;
        var byAge = new int[genders.Length, bands.Length];
        foreach (var s in sources)
        {
            var g = Array.IndexOf(genders, s.Gender);
            if (g < 0)
                continue;
            byResult[g, ResultOf(s)]++;
            byAge[g, BandOf(s)]++;
        }
        var genderLabels = genders.Select(g => g.ToString()).ToList();
        return [new SuppressedTable("Situation upon leaving by gender", genderLabels, results, byResult), new SuppressedTable("Age at entry by gender", genderLabels, bands, byAge)];
    }

    public static string Csv(Microdata data)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', data.Columns));
        foreach (var row in data.Rows)
            csv.AppendLine(string.Join(',', row.Select(FunderReportFormats.Quote)));
        return csv.ToString();
    }

    /// <summary>The rows on the first sheet, each aggregate table on a sheet of its own.</summary>
    public static void Xlsx(Microdata data, Stream output)
    {
        var sheets = new Dictionary<string, object>
        {
            ["Microdata"] = data.Rows.Select(row => (IDictionary<string, object>)data.Columns.Select((c, i) => (c, (object)row[i])).ToDictionary(x => x.c, x => x.Item2)).ToList(),
        };
        foreach (var (table, i) in data.Tables.Select((t, i) => (t, i)))
            sheets[$"Table {i + 1}"] = TableRows(table).ToList();
        output.SaveAs(sheets, excelType: ExcelType.XLSX);
    }

    private static IEnumerable<IDictionary<string, object>> TableRows(SuppressedTable table)
    {
        for (var r = 0; r <= table.RowLabels.Count; r++)
        {
            var row = new Dictionary<string, object> { [table.Title] = r < table.RowLabels.Count ? table.RowLabels[r] : "Total" };
            for (var c = 0; c <= table.ColumnLabels.Count; c++)
                row[c < table.ColumnLabels.Count ? table.ColumnLabels[c] : "Total"] = table.Shown(r, c);
            yield return row;
        }
    }
}
