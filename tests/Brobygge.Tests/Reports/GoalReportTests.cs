using System.Globalization;
using System.Text.Json;
using Brobygge.Activities;
using Brobygge.Plans;
using Brobygge.Projects;
using Brobygge.Reports;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Imports;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Brobygge.Tests.Reports;

/// <summary>The goal report on the command line, on SQLite and PostgreSQL: cohorts imported through the participant
/// import give their published figures in every format (participants-import.md, "How the goal report counts").</summary>
public abstract class GoalReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    [Fact]
    public async Task The_shared_cohort_gives_its_published_figures_in_json_csv_xlsx_and_text()
    {
        var project = await ProjectAsync(new DateOnly(2020, 1, 1), new DateOnly(2023, 12, 31));
        await ImportAsync(SharedData.PathTo("data", "cohort-glomda.csv"), project);

        var json = await ReportJsonAsync(project, "--as-of", "2023-12-31");
        var indicators = json.GetProperty("indicators");
        Assert.Equal((252, 116, 136, 0), Counts(indicators.GetProperty("participants")));
        Assert.Equal(59, indicators.GetProperty("employed").GetProperty("total").GetInt32());
        Assert.Equal(57, indicators.GetProperty("studying").GetProperty("total").GetInt32());
        Assert.Equal("2023-12-31", json.GetProperty("asOf").GetString());
        Assert.Equal(project.Code, json.GetProperty("project").GetString());

        var csv = await ReportAsync(project, "csv", "--as-of", "2023-12-31");
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("section,item,total,women,men,non_binary", lines[0]);
        Assert.Contains("indicators,participants,252,116,136,0", lines);
        Assert.Contains(lines, l => l.StartsWith("indicators,employed,59,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("indicators,studying,57,", StringComparison.Ordinal));

        var xlsx = await ReadXlsxAsync(project, "--as-of", "2023-12-31");
        var participants = xlsx.Single(r => (string)r["section"]! == "indicators" && (string)r["item"]! == "participants");
        Assert.Equal((252.0, 116.0, 136.0), (Convert.ToDouble(participants["total"], CultureInfo.InvariantCulture), Convert.ToDouble(participants["women"], CultureInfo.InvariantCulture), Convert.ToDouble(participants["men"], CultureInfo.InvariantCulture)));
        Assert.Equal(59.0, Convert.ToDouble(xlsx.Single(r => (string)r["section"]! == "indicators" && (string)r["item"]! == "employed")["total"], CultureInfo.InvariantCulture));

        var text = await ReportAsync(project, "text", "--as-of", "2023-12-31");
        Assert.Matches(@"participants\s+252\s+116\s+136\s+0", text);
        Assert.Matches(@"employed\s+59\s", text);
        Assert.Matches(@"studying\s+57\s", text);
    }

    [Fact]
    public async Task A_cohort_in_the_shape_of_Rekrytera_gives_its_figures_its_retention_and_its_goal_against_target()
    {
        var project = await ProjectAsync(new DateOnly(2022, 1, 1), new DateOnly(2025, 12, 31));
        await ImportAsync(await WriteAsync(Cohorts.Rekrytera()), project);
        Assert.Equal(0, await _app.RunCommandLineAsync("goals", "set", "--project", project.Code, "participants=330", "participants:woman=150", "employed_or_studying=250"));

        var json = await ReportJsonAsync(project);
        var indicators = json.GetProperty("indicators");
        Assert.Equal((339, 146, 193, 0), Counts(indicators.GetProperty("participants")));
        Assert.Equal(220, indicators.GetProperty("employed").GetProperty("total").GetInt32());
        Assert.Equal(46, indicators.GetProperty("studying").GetProperty("total").GetInt32());
        Assert.Equal(266, indicators.GetProperty("employedOrStudying").GetProperty("total").GetInt32());
        var retention = indicators.GetProperty("retainedAt6Months");
        Assert.Equal((160, 172, 8), (retention.GetProperty("retained").GetInt32(), retention.GetProperty("followedUp").GetInt32(), retention.GetProperty("unreached").GetInt32()));
        Assert.True(retention.GetProperty("rate").GetDouble() >= 0.85);
        var goals = json.GetProperty("goals").EnumerateArray().Select(g => (g.GetProperty("indicator").GetString(), g.TryGetProperty("gender", out var gender) ? gender.GetString() : null, g.GetProperty("target").GetInt32(), g.GetProperty("actual").GetInt32())).ToList();
        Assert.Equal([("participants", null, 330, 339), ("participants", "woman", 150, 146), ("employed_or_studying", null, 250, 266)], goals);

        var csv = (await ReportAsync(project, "csv")).Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("goal_target,participants,330,150,,", csv);
        Assert.Contains("goal_actual,participants,339,146,,", csv);
        Assert.Contains(csv, l => l.StartsWith("indicators,retention_retained,160,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("indicators,retention_followed_up,172,", StringComparison.Ordinal));

        var xlsx = await ReadXlsxAsync(project);
        var retained = xlsx.Single(r => (string)r["section"]! == "indicators" && (string)r["item"]! == "retention_retained");
        Assert.Equal(160.0, Convert.ToDouble(retained["total"], CultureInfo.InvariantCulture));
        Assert.Contains("Retained at six months: 160 of 172 reached", await ReportAsync(project, "text"));
    }

    [Fact]
    public async Task Planned_activities_count_toward_nothing_and_a_range_counts_what_happened_inside_it()
    {
        var project = await _app.CreateProjectAsync();
        var early = await _app.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 10));
        var late = await _app.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 3, 1));
        await _app.WithDbAsync(async db =>
        {
            db.Activities.Add(new Activity { OrganisationId = project.OrganisationId, EnrolmentId = early.Id, Kind = ActivityKind.Internship, OccurredOn = new DateOnly(2025, 2, 1), Status = ActivityStatus.Held });
            db.Activities.Add(new Activity { OrganisationId = project.OrganisationId, EnrolmentId = late.Id, Kind = ActivityKind.Internship, OccurredOn = new DateOnly(2025, 3, 5), Status = ActivityStatus.Planned });
            db.PlanSteps.Add(new PlanStep { OrganisationId = project.OrganisationId, EnrolmentId = late.Id, Title = "Praktik", Status = PlanStepStatus.Planned });
            await db.SaveChangesAsync();
        });

        var asOf = await _app.WithDbAsync((db, _) => GoalFigures.ComputeAsync(db, project.Id, ReportPeriod.AsOf(_app.Clock.Today)));
        Assert.Equal((2, 1, 1, 1, 1), (asOf.Participants.Total, asOf.InActivity.Total, asOf.Internship.Total, asOf.EmployedOrInternship.Total, asOf.WithPlan.Total));

        var before = await _app.WithDbAsync((db, _) => GoalFigures.ComputeAsync(db, project.Id, ReportPeriod.AsOf(new DateOnly(2025, 1, 31))));
        Assert.Equal((1, 0, 0), (before.Participants.Total, before.Internship.Total, before.WithPlan.Total));

        var range = await _app.WithDbAsync((db, _) => GoalFigures.ComputeAsync(db, project.Id, ReportPeriod.Between(new DateOnly(2025, 3, 1), _app.Clock.Today)));
        Assert.Equal((1, 0, 0, 1), (range.Participants.Total, range.InActivity.Total, range.Internship.Total, range.WithPlan.Total));
    }

    [Theory]
    [InlineData("--format", "xlsx", "--output is required with --format xlsx")]
    [InlineData("--format", "pdf", "--format 'pdf' is not one of")]
    [InlineData("--as-of", "2025-02-30", "--as-of '2025-02-30' is not a date")]
    [InlineData("--from", "2025-01-01", "--to is required with --from")]
    public async Task Bad_arguments_are_named_on_stderr_with_exit_code_1(string option, string value, string message)
    {
        var project = await _app.CreateProjectAsync();

        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("report", "--project", project.Code, option, value);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: " + message, error);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task As_of_and_a_range_together_are_refused()
    {
        var project = await _app.CreateProjectAsync();

        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("report", "--project", project.Code, "--as-of", "2025-01-01", "--from", "2025-01-01", "--to", "2025-02-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: --as-of cannot be combined with --from/--to", error);
    }

    // ---- helpers ----

    private static (int, int, int, int) Counts(JsonElement counts)
        => (counts.GetProperty("total").GetInt32(), counts.GetProperty("women").GetInt32(), counts.GetProperty("men").GetInt32(), counts.GetProperty("nonBinary").GetInt32());

    private async Task<string> ReportAsync(Project project, string format, params string[] more)
    {
        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync(["report", "--project", project.Code, "--format", format, .. more]);
        Assert.True(exitCode == 0, error);
        return output;
    }

    private async Task<JsonElement> ReportJsonAsync(Project project, params string[] more)
        => JsonDocument.Parse(await ReportAsync(project, "json", more)).RootElement;

    private async Task<List<IDictionary<string, object?>>> ReadXlsxAsync(Project project, params string[] more)
    {
        var file = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.xlsx");
        await ReportAsync(project, "xlsx", ["--output", file, .. more]);
        await using var stream = File.OpenRead(file);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    private async Task<Project> ProjectAsync(DateOnly startsOn, DateOnly endsOn)
    {
        var project = await _app.CreateProjectAsync(CommandLineTesting.Unique("REP"));
        await _app.WithDbAsync(async db =>
        {
            var stored = await db.Projects.SingleAsync(p => p.Id == project.Id);
            stored.StartsOn = startsOn;
            stored.EndsOn = endsOn;
            await db.SaveChangesAsync();
        });
        project.StartsOn = startsOn;
        project.EndsOn = endsOn;
        return project;
    }

    private async Task ImportAsync(string file, Project project)
    {
        var (exitCode, _, error) = await _app.RunCommandLineWithOutputAsync("import", "participants", file, "--project", project.Code);
        Assert.True(exitCode == 0, error);
    }

    private static async Task<string> WriteAsync(IEnumerable<string> lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cohort-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(path, lines);
        return path;
    }
}

public sealed class SqliteGoalReportTests(SqliteApp app) : GoalReportTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresGoalReportTests(PostgresApp app) : GoalReportTests<PostgresApp>(app);
