using System.Net;
using System.Text.Json;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Leaving;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Tests.Reports.FunderCohort;

namespace Brobygge.Tests.Reports;

/// <summary>The funder report (ESF+ 2021–2027 here) as of a date: output indicators at entry by gender with "not known"
/// and "declined" apart, result indicators upon leaving and six months after, the same on the command line and the page;
/// and a snapshot that, re-run after a backdated and a corrected record, names the records that moved each figure.</summary>
public abstract class FunderReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static readonly DateOnly AsOf = new(2025, 12, 31);

    private sealed record Cohort(Project Project, User Coach, Enrolment Syrian, Enrolment Swede, Enrolment Unknown, Enrolment Stateless, Enrolment Late);

    /// <summary>Four participants by the as-of date and one after it, each standing for a row the report must keep apart.</summary>
    private async Task<Cohort> CohortAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);
        var project = await ProjectAsync(_app, FunderProfileKind.EsfPlus2021);
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var syrian = await EnrolAsync(_app, project, new(Gender.Woman, 17, null, LabourStatusAtEntry.LongTermUnemployed, ["SY"], "SY",
            ExitedOn: new(2025, 6, 30), Special: (SpecialAnswer.Yes, SpecialAnswer.DeclinedToAnswer, SpecialAnswer.No),
            UponLeaving: [(LeavingSituationKind.InWork, new(2025, 7, 10))], SixMonths: (new(2025, 12, 30), FollowUpStatus.Employed)), coach);
        var swede = await EnrolAsync(_app, project, new(Gender.Man, 22, 3, LabourStatusAtEntry.Unemployed, ["SE"], "SE", ParentsBornAbroad.Both,
            ExitedOn: new(2025, 5, 31), Special: (SpecialAnswer.No, SpecialAnswer.No, SpecialAnswer.No),
            // Job searching seven weeks after the exit is no longer "upon leaving".
            UponLeaving: [(LeavingSituationKind.InEducationOrTraining, new(2025, 6, 1)), (LeavingSituationKind.JobSearching, new(2025, 7, 20))]), coach);
        var unknown = await EnrolAsync(_app, project, new(Gender.Woman, 60, 6, LabourStatusAtEntry.Inactive, [], null), coach);
        var stateless = await EnrolAsync(_app, project, new(Gender.NonBinary, 30, 1, LabourStatusAtEntry.Employed, [EntryFacts.Stateless], "SE", ParentsBornAbroad.None,
            ExitedOn: new(2026, 1, 5), Special: (SpecialAnswer.DeclinedToAnswer, SpecialAnswer.No, SpecialAnswer.No)), coach);
        var late = await EnrolAsync(_app, project, new(Gender.Man, 40, 3, LabourStatusAtEntry.Unemployed, ["SE"], "SE", EnrolledOn: new(2026, 1, 10)), coach);
        return new Cohort(project, coach, syrian, swede, unknown, stateless, late);
    }

    private async Task<Dictionary<string, int[]>> JsonFiguresAsync(Project project, params string[] more)
    {
        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync(["report", "--project", project.Code, "--funder", "--as-of", "2025-12-31", "--format", "json", .. more]);
        Assert.True(exitCode == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2025-12-31", json.RootElement.GetProperty("asOf").GetString());
        return json.RootElement.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!,
            i => new[] { i.GetProperty("total").GetInt32(), i.GetProperty("women").GetInt32(), i.GetProperty("men").GetInt32(), i.GetProperty("nonBinary").GetInt32() });
    }

    [Fact]
    public async Task The_output_indicators_count_the_facts_at_entry_by_gender_with_not_known_and_declined_as_rows_of_their_own()
    {
        var cohort = await CohortAsync();

        var figures = await JsonFiguresAsync(cohort.Project);

        // {total, women, men, non-binary}
        Assert.Equal([4, 2, 1, 1], figures["participants"]);
        Assert.Equal([2, 1, 1, 0], figures["unemployed"]);
        Assert.Equal([1, 1, 0, 0], figures["longTermUnemployed"]);
        Assert.Equal([1, 1, 0, 0], figures["inactive"]);
        Assert.Equal([1, 0, 0, 1], figures["employed"]);
        Assert.Equal([1, 1, 0, 0], figures["age.below18"]);
        Assert.Equal([1, 0, 1, 0], figures["age.1829"]);
        Assert.Equal([1, 1, 0, 0], figures["age.55AndAbove"]);
        Assert.Equal([1, 0, 0, 1], figures["education.isced02"]);
        Assert.Equal([1, 0, 1, 0], figures["education.isced34"]);
        Assert.Equal([1, 1, 0, 0], figures["education.isced58"]);
        Assert.Equal([1, 1, 0, 0], figures["education.notKnown"]);
        Assert.Equal([2, 1, 0, 1], figures["thirdCountryNationals"]); // Syrian and stateless
        Assert.Equal([1, 0, 1, 0], figures["thirdCountryNationals.no"]);
        Assert.Equal([1, 1, 0, 0], figures["thirdCountryNationals.notKnown"]);
        Assert.Equal([2, 1, 1, 0], figures["foreignBackground"]); // born abroad; born in Sweden to parents born abroad
        Assert.Equal([1, 0, 0, 1], figures["foreignBackground.no"]);
        Assert.Equal([1, 1, 0, 0], figures["foreignBackground.notKnown"]);
        Assert.Equal([1, 1, 0, 0], figures["disability"]);
        Assert.Equal([1, 0, 1, 0], figures["disability.no"]);
        Assert.Equal([1, 0, 0, 1], figures["disability.declined"]);
        Assert.Equal([1, 1, 0, 0], figures["disability.notKnown"]);
        Assert.Equal([0, 0, 0, 0], figures["minority"]);
        Assert.Equal([1, 1, 0, 0], figures["minority.declined"]);
        Assert.Equal([1, 1, 0, 0], figures["minority.notKnown"]);
    }

    [Fact]
    public async Task The_result_indicators_count_situations_within_four_weeks_of_the_exit_and_the_six_month_follow_up_by_the_as_of_date()
    {
        var cohort = await CohortAsync();

        var figures = await JsonFiguresAsync(cohort.Project);

        Assert.Equal([2, 1, 1, 0], figures["leavers"]); // the non-binary participant left after the as-of date
        Assert.Equal([1, 1, 0, 0], figures["uponLeaving.inEmployment"]);
        Assert.Equal([1, 0, 1, 0], figures["uponLeaving.inEducationOrTraining"]);
        Assert.Equal([0, 0, 0, 0], figures["uponLeaving.jobSearching"]);
        Assert.Equal([1, 1, 0, 0], figures["sixMonths.inEmployment"]);
        Assert.Equal([1, 0, 1, 0], figures["sixMonths.notFollowedUp"]);
    }

    [Fact]
    public async Task A_report_re_run_after_a_backdated_and_a_corrected_record_names_the_records_that_moved_each_figure()
    {
        var cohort = await CohortAsync();
        var (kept, output, _) = await _app.RunCommandLineWithOutputAsync("report", "--project", cohort.Project.Code, "--funder", "--as-of", "2025-12-31", "--snapshot");
        Assert.Equal(0, kept);
        Assert.Contains("Snapshot", output, StringComparison.Ordinal);

        // A month later the coach records a job upon leaving backdated into 2025, and the non-binary participant's exit
        // is corrected from January 2026 into November 2025.
        _app.Clock.Now = new DateTimeOffset(2026, 2, 15, 9, 0, 0, TimeSpan.Zero);
        var client = await _app.ApiClientAsync(cohort.Coach);
        var situation = await client.PostJsonAsync($"/api/v1/enrolments/{cohort.Swede.Id}/leaving/situations", new { kind = "InWork", on = "2025-06-10" });
        Assert.Equal(HttpStatusCode.Created, situation.StatusCode);
        await _app.WithDbAsync(async db =>
        {
            var enrolment = await db.Enrolments.Include(e => e.Periods).Include(e => e.FollowUps).SingleAsync(e => e.Id == cohort.Stateless.Id);
            enrolment.Exit(new DateOnly(2025, 11, 30), ExitReason.Completed);
            await db.SaveChangesAsync();
        });

        var (exitCode, text, error) = await _app.RunCommandLineWithOutputAsync("report", "--project", cohort.Project.Code, "--funder", "--as-of", "2025-12-31");

        Assert.True(exitCode == 0, error);
        Assert.Contains("uponLeaving.inEmployment.men: 0 in the snapshot, now 1 (+1)", text, StringComparison.Ordinal);
        Assert.Contains($"situation upon leaving: InWork of {cohort.Swede.Reference} dated 2025-06-10, recorded by {cohort.Coach.DisplayName} at 2026-02-15", text, StringComparison.Ordinal);
        Assert.Contains("leavers.nonBinary: 0 in the snapshot, now 1 (+1)", text, StringComparison.Ordinal);
        Assert.Contains($"exit of {cohort.Stateless.Reference} dated 2025-11-30, corrected by", text, StringComparison.Ordinal);
        // Only the figures that moved are named, each with only its own records.
        Assert.DoesNotContain("participants.total:", text, StringComparison.Ordinal);
        var json = await JsonFiguresAsync(cohort.Project);
        Assert.Equal([2, 1, 1, 0], json["uponLeaving.inEmployment"]);
        Assert.Equal([3, 1, 1, 1], json["leavers"]);
    }

    [Fact]
    public async Task The_page_shows_the_report_to_the_project_manager_with_the_snapshot_button_and_to_the_evaluator_without_it()
    {
        var cohort = await CohortAsync();
        var manager = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, cohort.Project));
        var evaluator = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Evaluator, cohort.Project));
        var url = $"/Reports/Funder?ProjectId={cohort.Project.Id}&AsOf=2025-12-31";

        var managers = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
        var evaluators = WebUtility.HtmlDecode(await evaluator.GetStringAsync(url));

        Assert.Contains("Tredjelandsmedborgare: okänt", managers, StringComparison.Ordinal);
        Assert.Contains("EECO13", managers, StringComparison.Ordinal);
        Assert.Contains("handler=Snapshot", managers, StringComparison.Ordinal);
        Assert.Contains("Tredjelandsmedborgare", evaluators, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Snapshot", evaluators, StringComparison.Ordinal);
        Assert.DoesNotContain(cohort.Syrian.Reference, evaluators, StringComparison.Ordinal);
        Assert.DoesNotContain(cohort.Syrian.Person!.LastName, evaluators, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_button_keeps_the_report_and_the_page_then_compares_with_it()
    {
        var cohort = await CohortAsync();
        var manager = await _app.LoginAsync(await _app.CreateUserAsync(Roles.ProjectManager, cohort.Project));
        var url = $"/Reports/Funder?ProjectId={cohort.Project.Id}&AsOf=2025-12-31";

        var kept = await BrobyggeApp.PostFormAsync(manager, url + "&handler=Snapshot",
            new() { ["ProjectId"] = cohort.Project.Id.ToString(), ["AsOf"] = "2025-12-31" }, url);

        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(1, await _app.WithDbAsync((db, _) => db.Set<Brobygge.Reports.Snapshots.ReportSnapshot>().CountAsync(s => s.ProjectId == cohort.Project.Id)));
        var page = WebUtility.HtmlDecode(await manager.GetStringAsync(url));
        Assert.Contains("0 siffra/siffror har ändrats", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_format_or_date_is_an_error_naming_the_option_and_keeps_no_snapshot()
    {
        var cohort = await CohortAsync();

        var (badFormat, _, formatError) = await _app.RunCommandLineWithOutputAsync("report", "--project", cohort.Project.Code, "--funder", "--format", "pdf", "--snapshot");
        var (badDate, _, dateError) = await _app.RunCommandLineWithOutputAsync("report", "--project", cohort.Project.Code, "--funder", "--as-of", "2025-02-30", "--snapshot");
        var (noFile, _, fileError) = await _app.RunCommandLineWithOutputAsync("report", "--project", cohort.Project.Code, "--funder", "--format", "xlsx");

        Assert.Equal((1, 1, 1), (badFormat, badDate, noFile));
        Assert.StartsWith("error: --format", formatError, StringComparison.Ordinal);
        Assert.StartsWith("error: --as-of", dateError, StringComparison.Ordinal);
        Assert.StartsWith("error: --output", fileError, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Set<Brobygge.Reports.Snapshots.ReportSnapshot>().CountAsync(s => s.ProjectId == cohort.Project.Id)));
    }

    [Fact]
    public async Task The_csv_and_xlsx_exports_read_back_with_the_same_figures()
    {
        var cohort = await CohortAsync();
        var csvFile = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".csv");
        var xlsxFile = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".xlsx");

        Assert.Equal(0, await _app.RunCommandLineAsync("report", "--project", cohort.Project.Code, "--funder", "--as-of", "2025-12-31", "--format", "csv", "--output", csvFile));
        Assert.Equal(0, await _app.RunCommandLineAsync("report", "--project", cohort.Project.Code, "--funder", "--as-of", "2025-12-31", "--format", "xlsx", "--output", xlsxFile));

        var csv = File.ReadAllLines(csvFile);
        Assert.Equal("key,part,indicator,total,women,men,non_binary,source", csv[0]);
        Assert.StartsWith("thirdCountryNationals,output,Third-country nationals,2,1,0,1,", csv.Single(l => l.StartsWith("thirdCountryNationals,", StringComparison.Ordinal)), StringComparison.Ordinal);
        var xlsx = MiniExcelLibs.MiniExcel.Query(xlsxFile, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = xlsx.Single(r => (string)r["key"] == "uponLeaving.inEmployment");
        Assert.Equal((1d, 1d, 0d), (Convert.ToDouble(row["total"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(row["women"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(row["men"], System.Globalization.CultureInfo.InvariantCulture)));
    }
}

public sealed class SqliteFunderReportTests(SqliteApp app) : FunderReportTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFunderReportTests(PostgresApp app) : FunderReportTests<PostgresApp>(app);
