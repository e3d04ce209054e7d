using System.Net;
using Brobygge.Enrolments;
using Brobygge.Evaluation;
using Brobygge.Identity;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Reports;
using static Brobygge.Tests.Reports.FunderCohort;

namespace Brobygge.Tests.Evaluation;

/// <summary>The evaluator's microdata: no direct identifier, every combination of quasi-identifiers at least 5 rows,
/// stable pseudonyms per export key, and aggregate tables from which no suppressed cell can be recomputed.</summary>
[Trait("Category", "Security")]
public abstract class MicrodataExportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private const string Key = "the evaluator's key 2026";

    /// <summary>37 participants with varied quasi-identifiers (seeded, so every run is the same).</summary>
    private async Task<(Project Project, List<Enrolment> Enrolments)> ProjectAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        var project = await FunderCohort.ProjectAsync(_app, FunderProfileKind.EsfPlus2021);
        var random = new Random(7);
        string[] municipalities = ["1283", "1280", "0180", "1480", "1292"];
        string[] countries = ["SY", "SE", "AF", "SO", "ER", "IQ", "PL"];
        var enrolments = new List<Enrolment>();
        for (var i = 0; i < 37; i++)
        {
            var enrolled = new DateOnly(2025, 1, 1).AddDays(random.Next(300));
            var bornIn = countries[random.Next(countries.Length)];
            enrolments.Add(await EnrolAsync(_app, project, new(random.Next(3) == 0 ? Gender.Man : Gender.Woman, 18 + random.Next(45), random.Next(9),
                LabourStatusAtEntry.Unemployed, [bornIn], bornIn, ParentsBornAbroad.Both, EnrolledOn: enrolled,
                ExitedOn: random.Next(2) == 0 ? enrolled.AddDays(30 + random.Next(60)) : null, Municipality: municipalities[random.Next(municipalities.Length)])));
        }
        return (project, enrolments);
    }

    private async Task<List<string[]>> ExportAsync(Project project, string key)
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("export", "microdata", "--project", project.Code, "--output", file, "--key", key);
        Assert.True(exitCode == 0, error);
        return File.ReadAllLines(file).Select(l => l.Split(',')).ToList();
    }

    [Fact]
    public async Task The_export_holds_no_direct_identifier_and_no_combination_of_quasi_identifiers_under_five()
    {
        var (project, enrolments) = await ProjectAsync();

        var lines = await ExportAsync(project, Key);
        var text = string.Join('\n', lines.Select(l => string.Join(',', l)));

        Assert.Equal(["pseudonym", .. MicrodataExport.QuasiIdentifierColumns, .. MicrodataExport.OtherColumns], lines[0]);
        Assert.Equal(enrolments.Count, lines.Count - 1);
        foreach (var enrolment in enrolments)
        {
            Assert.DoesNotContain(enrolment.Reference, text, StringComparison.Ordinal);
            Assert.DoesNotContain(enrolment.Person!.LastName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(enrolment.Person.FirstName, text, StringComparison.Ordinal);
            Assert.DoesNotContain(enrolment.Person.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
            Assert.DoesNotContain(enrolment.Id.ToString("N")[..12], text, StringComparison.OrdinalIgnoreCase);
        }
        var quasi = Enumerable.Range(1, MicrodataExport.QuasiIdentifierColumns.Length).ToArray();
        var combinations = lines.Skip(1).GroupBy(l => string.Join('|', quasi.Select(i => l[i]))).ToList();
        Assert.All(combinations, c => Assert.True(c.Count() >= 5, $"{c.Key} holds {c.Count()} rows"));
    }

    [Fact]
    public async Task The_same_key_gives_the_same_pseudonyms_and_another_key_unrelated_ones()
    {
        var (project, _) = await ProjectAsync();

        var first = (await ExportAsync(project, Key)).Skip(1).Select(l => l[0]).ToHashSet();
        var again = (await ExportAsync(project, Key)).Skip(1).Select(l => l[0]).ToHashSet();
        var other = (await ExportAsync(project, "another evaluator's key")).Skip(1).Select(l => l[0]).ToHashSet();

        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(other));
    }

    [Fact]
    public async Task A_short_key_is_refused_naming_the_option_and_writes_no_file()
    {
        var (project, _) = await ProjectAsync();
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");

        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("export", "microdata", "--project", project.Code, "--output", file, "--key", "short");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: --key", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task The_evaluator_sees_the_aggregate_tables_without_a_cell_under_five_and_downloads_the_export_but_no_name()
    {
        var (project, enrolments) = await ProjectAsync();
        var evaluator = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Evaluator, project));

        var page = WebUtility.HtmlDecode(await evaluator.GetStringAsync($"/Evaluation/Microdata?ProjectId={project.Id}"));
        var download = await BrobyggeApp.PostFormAsync(evaluator, "/Evaluation/Microdata",
            new() { ["ProjectId"] = project.Id.ToString(), ["ExportKey"] = Key, ["Format"] = "csv" });
        var refused = await BrobyggeApp.PostFormAsync(evaluator, "/Evaluation/Microdata",
            new() { ["ProjectId"] = project.Id.ToString(), ["ExportKey"] = "short", ["Format"] = "csv" });

        Assert.Contains("Situation vid avslut efter kön", page, StringComparison.Ordinal);
        foreach (var cell in System.Text.RegularExpressions.Regex.Matches(page, """<td class="number">(\d+)</td>""").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            Assert.True(cell >= Anonymisation.K, $"a cell shows {cell}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var csv = await download.Content.ReadAsStringAsync();
        Assert.Equal(enrolments.Count + 1, csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain(enrolments[0].Person!.LastName, csv + page, StringComparison.Ordinal);
        var refusedPage = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.True(refusedPage.Contains("minst 16 tecken", StringComparison.Ordinal), $"{(int)refused.StatusCode}: " + refusedPage[Math.Max(0, refusedPage.IndexOf("<main", StringComparison.Ordinal))..]);
    }

    [Fact]
    public async Task The_evaluators_start_page_offers_the_reports_and_the_export_and_nothing_else()
    {
        var (project, enrolments) = await ProjectAsync();
        var evaluator = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Evaluator, project));

        var start = WebUtility.HtmlDecode(await evaluator.GetStringAsync("/"));

        Assert.Contains($"/Reports/Funder?ProjectId={project.Id}", start, StringComparison.Ordinal);
        Assert.Contains($"/Evaluation/Microdata?ProjectId={project.Id}", start, StringComparison.Ordinal);
        Assert.DoesNotContain("Reports and exports come in a later version", start, StringComparison.Ordinal);
        Assert.DoesNotContain("/Participants/Details", start, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolments[0].Person!.LastName, start, StringComparison.Ordinal);
    }
}

public sealed class SqliteMicrodataExportTests(SqliteApp app) : MicrodataExportTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMicrodataExportTests(PostgresApp app) : MicrodataExportTests<PostgresApp>(app);
