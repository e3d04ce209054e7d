using System.Net;
using Brobygge.Activities;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Plans;
using Brobygge.Tests.Fixtures;
using MiniExcelLibs;

namespace Brobygge.Tests.Participants;

/// <summary>The caseload at a glance: filters, the next step, the last contact, the marks, and the XLSX export.</summary>
public abstract class CaseloadTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private sealed record Caseload(User Coach, User Manager, Enrolment Met, Enrolment NotMet, Enrolment Uncoached);

    /// <summary>Met: a held meeting last week and a plan step overdue. Not met: nothing held for 30 days (a planned
    /// meeting is no contact). Uncoached: enrolled by a bridge-builder, nobody's coach yet.</summary>
    private async Task<Caseload> CaseloadAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 3, 12, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var met = await _app.CreateParticipantAsync(project, coach, firstName: "Met", enrolledOn: new DateOnly(2025, 1, 10));
        var notMet = await _app.CreateParticipantAsync(project, coach, firstName: "Unmet", enrolledOn: new DateOnly(2025, 1, 10));
        var uncoached = await _app.CreateParticipantAsync(project, firstName: "Uncoached", enrolledOn: new DateOnly(2025, 2, 1));
        await _app.WithDbAsync(async db =>
        {
            db.Activities.Add(new Activity { OrganisationId = project.OrganisationId, EnrolmentId = met.Id, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 3, 5) });
            db.Activities.Add(new Activity { OrganisationId = project.OrganisationId, EnrolmentId = notMet.Id, Kind = ActivityKind.Meeting, Status = ActivityStatus.Planned, OccurredOn = new DateOnly(2025, 3, 14) });
            db.PlanSteps.Add(new PlanStep { OrganisationId = project.OrganisationId, EnrolmentId = met.Id, Title = "Skriva CV", DueOn = new DateOnly(2025, 3, 1) });
            db.PlanSteps.Add(new PlanStep { OrganisationId = project.OrganisationId, EnrolmentId = met.Id, Title = "Studiebesök", DueOn = new DateOnly(2025, 4, 1) });
            db.Assignments.Add(new Assignment { OrganisationId = project.OrganisationId, EnrolmentId = uncoached.Id, StaffId = bridgeBuilder.Id, Role = AssignmentRole.BridgeBuilder, StartedOn = uncoached.EnrolledOn });
            await db.SaveChangesAsync();
        });
        return new Caseload(coach, manager, met, notMet, uncoached);
    }

    [Fact]
    public async Task The_list_shows_birth_year_next_step_and_last_contact_and_marks_thirty_days_without_contact()
    {
        var caseload = await CaseloadAsync();
        var client = await _app.LoginAsync(caseload.Coach);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Participants"));

        var metRow = RowOf(page, caseload.Met.Person!.LastName);
        Assert.Contains("(1990)", metRow, StringComparison.Ordinal);
        Assert.Contains("Skriva CV (2025-03-01) (försenad)", metRow, StringComparison.Ordinal);
        Assert.Contains("2025-03-05", metRow, StringComparison.Ordinal);
        Assert.DoesNotContain("Ingen kontakt på 30 dagar", metRow, StringComparison.Ordinal);
        Assert.Contains("Ingen kontakt på 30 dagar", RowOf(page, caseload.NotMet.Person!.LastName), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_on_no_recent_contact_keeps_only_those_not_met_for_thirty_days()
    {
        var caseload = await CaseloadAsync();
        var client = await _app.LoginAsync(caseload.Coach);

        var page = await client.GetStringAsync("/Participants?Filter.NoRecentContact=true");

        Assert.Contains(caseload.NotMet.Person!.LastName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(caseload.Met.Person!.LastName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_manager_finds_the_participant_enrolled_without_a_coach()
    {
        var caseload = await CaseloadAsync();
        var client = await _app.LoginAsync(caseload.Manager);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Participants?Filter.WithoutCoach=true"));

        Assert.Contains("Ingen coach", RowOf(page, caseload.Uncoached.Person!.LastName), StringComparison.Ordinal);
        Assert.DoesNotContain(caseload.Met.Person!.LastName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(caseload.NotMet.Person!.LastName, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sorting_by_last_contact_puts_the_longest_unmet_first()
    {
        var caseload = await CaseloadAsync();
        var client = await _app.LoginAsync(caseload.Coach);

        var page = await client.GetStringAsync("/Participants?Filter.Sort=LastContact");

        Assert.True(page.IndexOf(caseload.NotMet.Person!.LastName, StringComparison.Ordinal) < page.IndexOf(caseload.Met.Person!.LastName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_exports_to_xlsx_as_filtered_and_reads_back()
    {
        var caseload = await CaseloadAsync();
        var client = await _app.LoginAsync(caseload.Coach);

        var response = await client.GetAsync("/Participants?handler=Export&Filter.Status=Active&Filter.Sort=Name");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(file, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        var met = rows.Single(r => (string?)r["Efternamn"] == caseload.Met.Person!.LastName);
        Assert.Equal("Met", met["Förnamn"]);
        Assert.Equal(1990, Convert.ToInt32(met["Födelseår"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Skriva CV", met["Nästa steg"]);
        Assert.Equal("2025-03-05", met["Senaste kontakt"]);
        Assert.Equal(caseload.Met.Reference, met["Referens"]);
    }

    private static string RowOf(string page, string lastName)
    {
        var at = page.IndexOf(lastName, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{lastName} is not on the page");
        var start = page.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return page[start..page.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}

public sealed class SqliteCaseloadTests(SqliteApp app) : CaseloadTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresCaseloadTests(PostgresApp app) : CaseloadTests<PostgresApp>(app);
