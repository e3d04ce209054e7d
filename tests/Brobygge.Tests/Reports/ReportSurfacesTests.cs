using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Imports;
using MiniExcelLibs;

namespace Brobygge.Tests.Reports;

/// <summary>The goal report on the page (with its downloads) and in the API, for the project's managers and evaluators.</summary>
public abstract class ReportSurfacesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    [Fact]
    public async Task The_page_shows_the_figures_by_gender_and_its_csv_and_xlsx_downloads_read_back_the_same()
    {
        var project = await ProjectWithCohortAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));
        var query = $"ProjectId={project.Id}&AsOf=2025-12-31";

        var page = await client.GetStringAsync($"/Reports?{query}");
        Assert.Matches(Row("Deltagare", 3, 1, 1, 1), page);
        Assert.Matches(Row("I arbete", 1, 1, 0, 0), page);
        Assert.Matches(Row("Studerar", 1, 0, 1, 0), page);

        var csv = await client.GetStringAsync($"/Reports?handler=Csv&{query}");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("indicators,participants,3,1,1,1", lines);
        Assert.Contains("indicators,employed,1,1,0,0", lines);

        await using var xlsx = await client.GetStreamAsync($"/Reports?handler=Xlsx&{query}");
        using var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer);
        buffer.Position = 0;
        var rows = buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        var studying = rows.Single(r => (string)r["section"]! == "indicators" && (string)r["item"]! == "studying");
        Assert.Equal((1.0, 0.0, 1.0), (Convert.ToDouble(studying["total"], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDouble(studying["women"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(studying["men"], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Half_a_range_is_named_next_to_its_field_and_no_report_is_shown()
    {
        var project = await ProjectWithCohortAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));

        var response = await client.GetAsync($"/Reports?ProjectId={project.Id}&From=2025-01-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ange periodens sista dag.", page);
        Assert.DoesNotContain("report-heading", page);
    }

    [Fact]
    public async Task An_evaluator_of_the_project_reads_the_report_in_the_api_without_seeing_any_participant()
    {
        var project = await ProjectWithCohortAsync();
        var evaluator = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.Evaluator, project));

        var response = await evaluator.GetAsync($"/api/v1/reports/{project.Id}?asOf=2025-12-31");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var indicators = JsonDocument.Parse(text).RootElement.GetProperty("indicators");
        Assert.Equal(3, indicators.GetProperty("participants").GetProperty("total").GetInt32());
        Assert.Equal(1, indicators.GetProperty("participants").GetProperty("nonBinary").GetInt32());
        Assert.Equal(1, indicators.GetProperty("employed").GetProperty("women").GetInt32());
        Assert.DoesNotContain("Andersson", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/v1/participants")).StatusCode);
    }

    [Fact]
    public async Task A_bad_date_in_the_api_is_a_400_naming_the_field_and_another_organisations_project_is_not_found()
    {
        var project = await ProjectWithCohortAsync();
        var manager = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));
        var elsewhere = await _app.CreateProjectAsync();

        var errors = await (await manager.GetAsync($"/api/v1/reports/{project.Id}?asOf=2025-02-30")).ValidationErrorsAsync();
        Assert.Equal(["asOf"], errors.Keys);
        var range = await (await manager.GetAsync($"/api/v1/reports/{project.Id}?from=2025-06-01&to=2025-01-01")).ValidationErrorsAsync();
        Assert.Equal(["from"], range.Keys);
        await (await manager.GetAsync($"/api/v1/reports/{elsewhere.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_coach_may_not_read_reports()
    {
        var project = await ProjectWithCohortAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ApiClientAsync(coach)).GetAsync($"/api/v1/reports/{project.Id}")).StatusCode);
        var page = await (await _app.LoginAsync(coach)).GetAsync($"/Reports?ProjectId={project.Id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Identity/AccessDenied", BrobyggeApp.PathOf(page.Headers.Location), StringComparison.Ordinal);
    }

    private static Regex Row(string label, int total, int women, int men, int nonBinary)
        => new($"<th scope=\"row\">{label}</th><td class=\"number\">{total}</td><td class=\"number\">{women}</td><td class=\"number\">{men}</td><td class=\"number\">{nonBinary}</td>");

    /// <summary>A woman who found a job, a man who started studies, a non-binary participant without either.</summary>
    private async Task<Project> ProjectWithCohortAsync()
    {
        var project = await _app.CreateProjectAsync(CommandLineTesting.Unique("SRF"));
        var file = Path.Combine(Path.GetTempPath(), $"cohort-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file,
        [
            Cohorts.Header,
            "T-1,,Anna,Andersson,woman,1990-01-01,unemployed,2024-03-01,2024-09-30,employed,2024-09-01,permanent,Firma AB,,,,",
            "T-2,,Bo,Andersson,man,1985-01-01,unemployed,2024-04-01,,,,,,2024-08-01,komvux,,",
            "T-3,,Cy,Andersson,non_binary,1995-01-01,unemployed,2024-05-01,,,,,,,,,",
        ]);
        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("import", "participants", file, "--project", project.Code);
        Assert.True(exitCode == 0, error);
        return project;
    }
}

public sealed class SqliteReportSurfacesTests(SqliteApp app) : ReportSurfacesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresReportSurfacesTests(PostgresApp app) : ReportSurfacesTests<PostgresApp>(app);
