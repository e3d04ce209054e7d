using System.Net;
using Brobygge.Identity;
using Brobygge.Leaving;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Leaving;

/// <summary>The situation upon leaving (in work, in education or training, job searching, a qualification gained), each
/// dated within four weeks of the exit, in the API and on the participant's page.</summary>
public abstract class LeavingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private sealed record Leaver(Guid EnrolmentId, Guid PersonId, User Coach);

    /// <summary>Enrolled 2025-03-01, left 2025-06-30 (when <paramref name="exit"/>), today 2025-09-01.</summary>
    private async Task<Leaver> LeaverAsync(bool exit = true)
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        if (exit)
            await _app.WithDbAsync(async db =>
            {
                var e = await db.Enrolments.Include(x => x.FollowUps).Include(x => x.Periods).SingleAsync(x => x.Id == enrolment.Id);
                e.Exit(new DateOnly(2025, 6, 30), Brobygge.Enrolments.ExitReason.Completed);
                await db.SaveChangesAsync();
            });
        return new Leaver(enrolment.Id, enrolment.PersonId, coach);
    }

    private static string Url(Leaver l) => $"/api/v1/enrolments/{l.EnrolmentId}/leaving/situations";

    private Task<int> SituationsAsync(Guid enrolmentId) => _app.WithDbAsync((db, _) => db.LeavingSituations.CountAsync(s => s.EnrolmentId == enrolmentId));

    [Theory]
    [InlineData("2025-06-30")]
    [InlineData("2025-07-28")]
    public async Task A_situation_from_the_exit_to_four_weeks_after_it_is_upon_leaving(string on)
    {
        var leaver = await LeaverAsync();
        var client = await _app.ApiClientAsync(leaver.Coach);

        var saved = await (await client.PostJsonAsync(Url(leaver), new { kind = "InWork", on })).ReadAsync<LeavingApi.LeavingSituationResponse>(HttpStatusCode.Created);

        Assert.Equal(LeavingSituationKind.InWork, saved.Kind);
        var read = await (await client.GetAsync($"/api/v1/enrolments/{leaver.EnrolmentId}/leaving")).ReadAsync<LeavingApi.LeavingResponse>();
        Assert.Equal(new DateOnly(2025, 7, 28), read.UponLeavingUntil);
        Assert.Equal(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(read.Situations).On);
    }

    [Theory]
    [InlineData("2025-06-29")]
    [InlineData("2025-07-29")]
    public async Task A_situation_dated_outside_four_weeks_of_the_exit_is_refused_naming_the_date(string on)
    {
        var leaver = await LeaverAsync();
        var client = await _app.ApiClientAsync(leaver.Coach);

        var errors = await (await client.PostJsonAsync(Url(leaver), new { kind = "InEducationOrTraining", on })).ValidationErrorsAsync();

        Assert.Equal(["on"], errors.Keys);
        Assert.Equal(0, await SituationsAsync(leaver.EnrolmentId));
    }

    [Fact]
    public async Task A_situation_upon_leaving_before_the_participant_has_left_is_refused()
    {
        var leaver = await LeaverAsync(exit: false);
        var client = await _app.ApiClientAsync(leaver.Coach);

        var errors = await (await client.PostJsonAsync(Url(leaver), new { kind = "JobSearching", on = "2025-08-01" })).ValidationErrorsAsync();

        Assert.Equal(["on"], errors.Keys);
        Assert.Equal(0, await SituationsAsync(leaver.EnrolmentId));
    }

    [Fact]
    public async Task A_qualification_gained_keeps_what_when_and_who_awarded_it()
    {
        var leaver = await LeaverAsync();
        var client = await _app.ApiClientAsync(leaver.Coach);

        var saved = await (await client.PostJsonAsync(Url(leaver), new
        {
            kind = "QualificationGained", on = "2025-07-02",
            qualification = new { what = "Truckkort A+B", awardedOn = "2025-06-20", issuer = "TLP10 Helsingborg" },
        })).ReadAsync<LeavingApi.LeavingSituationResponse>(HttpStatusCode.Created);

        Assert.Equal("Truckkort A+B", saved.Qualification!.What);
        var read = await (await client.GetAsync($"/api/v1/enrolments/{leaver.EnrolmentId}/leaving")).ReadAsync<LeavingApi.LeavingResponse>();
        var qualification = Assert.Single(read.Qualifications);
        Assert.Equal(new DateOnly(2025, 6, 20), qualification.AwardedOn);
        Assert.Equal("TLP10 Helsingborg", qualification.Issuer);
    }

    [Fact]
    public async Task A_qualification_gained_without_what_and_who_names_both_fields_and_writes_nothing()
    {
        var leaver = await LeaverAsync();
        var client = await _app.ApiClientAsync(leaver.Coach);

        var errors = await (await client.PostJsonAsync(Url(leaver), new { kind = "QualificationGained", on = "2025-07-02", qualification = new { awardedOn = "2025-06-20" } }))
            .ValidationErrorsAsync();

        Assert.Equal(["qualification.issuer", "qualification.what"], errors.Keys.Order());
        Assert.Equal(0, await SituationsAsync(leaver.EnrolmentId));
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Qualifications.CountAsync(q => q.EnrolmentId == leaver.EnrolmentId)));
    }

    [Fact]
    public async Task The_same_situation_twice_for_one_exit_is_refused()
    {
        var leaver = await LeaverAsync();
        var client = await _app.ApiClientAsync(leaver.Coach);
        await (await client.PostJsonAsync(Url(leaver), new { kind = "JobSearching", on = "2025-07-01" })).ReadAsync<LeavingApi.LeavingSituationResponse>(HttpStatusCode.Created);

        var errors = await (await client.PostJsonAsync(Url(leaver), new { kind = "JobSearching", on = "2025-07-05" })).ValidationErrorsAsync();

        Assert.Equal(["kind"], errors.Keys);
        Assert.Equal(1, await SituationsAsync(leaver.EnrolmentId));
    }

    [Fact]
    public async Task The_form_is_reached_from_the_participants_page_after_the_exit_and_its_situation_shows_there()
    {
        var leaver = await LeaverAsync();
        var client = await _app.LoginAsync(leaver.Coach);
        var before = await PageOf(await client.GetAsync($"/Participants/Details/{leaver.PersonId}"));

        var response = await BrobyggeApp.PostFormAsync(client, $"/Leaving/Record/{leaver.EnrolmentId}", new()
        {
            ["Input.Kind"] = "InEducationOrTraining", ["Input.On"] = "2025-07-10",
        });

        Assert.Contains($"/Leaving/Record/{leaver.EnrolmentId}", before);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await PageOf(await client.GetAsync($"/Participants/Details/{leaver.PersonId}"));
        Assert.Contains("2025-07-10", after);
        Assert.Contains("I utbildning", after);
    }

    [Fact]
    public async Task For_an_esf_project_the_participants_page_says_the_situation_upon_leaving_is_still_to_collect_and_until_when()
    {
        var leaver = await LeaverAsync();
        await _app.WithDbAsync(db => db.Projects.Where(p => db.Enrolments.Any(e => e.Id == leaver.EnrolmentId && e.ProjectId == p.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.FunderProfile, Brobygge.Projects.FunderProfileKind.EsfPlus2021)));
        _app.Clock.Now = new DateTimeOffset(2025, 7, 20, 9, 0, 0, TimeSpan.Zero);
        var client = await _app.LoginAsync(leaver.Coach);

        var page = await PageOf(await client.GetAsync($"/Participants/Details/{leaver.PersonId}"));

        Assert.Contains("Att samla in vid avslut, senast 2025-07-28", page);
        Assert.Contains("ESF+ 2021–2027", page);
    }

    [Fact]
    public async Task The_form_refuses_a_date_outside_the_window_next_to_the_field()
    {
        var leaver = await LeaverAsync();
        var client = await _app.LoginAsync(leaver.Coach);

        var response = await BrobyggeApp.PostFormAsync(client, $"/Leaving/Record/{leaver.EnrolmentId}", new() { ["Input.Kind"] = "InWork", ["Input.On"] = "2025-08-30" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"Input_On_error\"[^>]*>[^<]+<", await PageOf(response));
        Assert.Equal(0, await SituationsAsync(leaver.EnrolmentId));
    }
}

public sealed class SqliteLeavingTests(SqliteApp app) : LeavingTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresLeavingTests(PostgresApp app) : LeavingTests<PostgresApp>(app);
