using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Forms;

/// <summary>Every form refuses the whole save when one value could not be read or breaks the input rules, and says
/// so next to the field; nothing is dropped silently and nothing is written.</summary>
[Trait("Category", "Security")]
public abstract class FormInputTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(HttpClient Client, Guid EnrolmentId)> CoachWithParticipantAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 3, 1));
        return (await _app.LoginAsync(coach), enrolment.Id);
    }

    private Task<int> ActivitiesAsync(Guid enrolmentId) => _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolmentId));

    private static Dictionary<string, string> Activity(string endsOn = "", string notes = "") => new()
    {
        ["Input.Kind"] = "Meeting", ["Input.OccurredOn"] = "2025-04-01", ["Input.EndsOn"] = endsOn, ["Input.Notes"] = notes,
    };

    private static async Task<string> RefusedAsync(HttpResponseMessage response)
    {
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: the form was not shown again: {page}");
        return page;
    }

    [Fact]
    public async Task A_date_that_is_no_date_stops_the_whole_save_and_is_named_next_to_its_field()
    {
        var (client, enrolmentId) = await CoachWithParticipantAsync();

        var page = await RefusedAsync(await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolmentId}", Activity(endsOn: "2025-02-30")));

        FieldErrors.AssertNamed(page, "Input.EndsOn");
        Assert.Equal(0, await ActivitiesAsync(enrolmentId));
    }

    [Fact]
    public async Task A_date_in_year_one_is_refused_with_the_field_named()
    {
        var (client, enrolmentId) = await CoachWithParticipantAsync();

        var page = await RefusedAsync(await BrobyggeApp.PostFormAsync(client, $"/Plans/Step/{enrolmentId}",
            new() { ["Input.Title"] = "Körkortsteori", ["Input.DueOn"] = "0001-01-01", ["Input.Status"] = "Planned" }));

        FieldErrors.AssertNamed(page, "Input.DueOn", "Ange ett datum mellan 1900-01-01 och");
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.PlanSteps.CountAsync(s => s.EnrolmentId == enrolmentId)));
    }

    [Fact]
    public async Task A_control_character_in_a_text_is_refused_with_the_field_named_while_line_breaks_in_notes_are_kept()
    {
        var (client, enrolmentId) = await CoachWithParticipantAsync();

        var page = await RefusedAsync(await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolmentId}", Activity(notes: "Träff\u001b[2Jpå biblioteket")));
        FieldErrors.AssertNamed(page, "Input.Notes", "styrtecknen");
        Assert.Equal(0, await ActivitiesAsync(enrolmentId));

        var saved = await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolmentId}", Activity(notes: "Träff på biblioteket\r\nNästa vecka igen"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await ActivitiesAsync(enrolmentId));
    }

    /// <summary>ASP.NET Core's form reader refuses a NUL itself (the form cannot be read, so there is no field to
    /// name): a 400 before the page runs, and nothing written.</summary>
    [Fact]
    public async Task A_NUL_in_a_form_is_refused_before_the_page_runs()
    {
        var (client, enrolmentId) = await CoachWithParticipantAsync();

        var response = await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolmentId}", Activity(notes: "Träff\0på biblioteket"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ActivitiesAsync(enrolmentId));
    }

    [Fact]
    public async Task A_line_break_in_a_one_line_field_is_refused()
    {
        var (client, enrolmentId) = await CoachWithParticipantAsync();
        var form = Activity();
        form["Input.Supervisor"] = "Anna\nAndersson";

        var page = await RefusedAsync(await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolmentId}", form));

        FieldErrors.AssertNamed(page, "Input.Supervisor", "styrtecknen");
        Assert.Equal(0, await ActivitiesAsync(enrolmentId));
    }
}

public sealed class SqliteFormInputTests(SqliteApp app) : FormInputTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFormInputTests(PostgresApp app) : FormInputTests<PostgresApp>(app);
