using System.Net;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.FollowUps.FollowUpsApi;
using static Brobygge.Tests.Enrolments.EnrolmentSteps;

namespace Brobygge.Tests.FollowUps;

/// <summary>
/// Follow-ups belong to the exit that scheduled them and to its window: a re-entry supersedes the earlier exit's
/// follow-ups (kept, never counted), and a follow-up is made inside its window after the exit — four weeks: 0–8 weeks,
/// six months: 5–9 months, unless the project says otherwise.
/// </summary>
public abstract class FollowUpPeriodTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static DateOnly Date(int year, int month, int day) => new(year, month, day);

    private void Today(DateOnly date) => _app.Clock.Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    private async Task<(Guid EnrolmentId, Guid PersonId, Guid ProjectId, HttpClient Client, User Coach)> ExitedAsync(DateOnly today, DateOnly exitedOn)
    {
        Today(today);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: Date(2025, 1, 10));
        var client = await _app.ApiClientAsync(coach);
        await ExitAsync(client, enrolment.Id, exitedOn, "Employed");
        return (enrolment.Id, enrolment.PersonId, project.Id, client, coach);
    }

    private static FollowUpResponse Open(List<FollowUpResponse> followUps, FollowUpKind kind)
        => Assert.Single(followUps, f => f.Kind == kind && f.RecordedOn is null);

    [Fact]
    public async Task After_re_entry_the_earlier_six_month_result_is_kept_but_no_longer_counted()
    {
        var (enrolmentId, personId, projectId, client, coach) = await ExitedAsync(Date(2025, 10, 1), Date(2025, 3, 1));
        var first = await RecordAsync(client, Open(await FollowUpsAsync(client, enrolmentId), FollowUpKind.SixMonths), Date(2025, 9, 1));
        Assert.Equal(Date(2025, 9, 1), (await ReadAsync(client, enrolmentId)).Milestones.FollowUp6mOn);

        await ReEnterAsync(client, personId, projectId, Date(2025, 10, 1));

        var back = await ReadAsync(client, enrolmentId);
        Assert.Null(back.Milestones.FollowUp6mOn);
        Assert.Null(back.Milestones.FollowUp6mStatus);
        Assert.Equal(FollowUpStatus.Employed, Assert.Single(await FollowUpsAsync(client, enrolmentId), f => f.Id == first.Id).Status);

        // The second exit schedules a second six-month follow-up; only that one counts.
        Today(Date(2026, 8, 1));
        client = await _app.ApiClientAsync(coach);
        await ExitAsync(client, enrolmentId, Date(2026, 1, 15), "Completed");
        var followUps = await FollowUpsAsync(client, enrolmentId);
        Assert.Equal(2, followUps.Count(f => f.Kind == FollowUpKind.SixMonths));
        Assert.Null((await ReadAsync(client, enrolmentId)).Milestones.FollowUp6mOn);

        await RecordAsync(client, Open(followUps, FollowUpKind.SixMonths), Date(2026, 7, 20), "NotEmployed");

        var after = await ReadAsync(client, enrolmentId);
        Assert.Equal(Date(2026, 7, 20), after.Milestones.FollowUp6mOn);
        Assert.Equal(FollowUpStatus.NotEmployed, after.Milestones.FollowUp6mStatus);
    }

    [Theory]
    [InlineData(FollowUpKind.SixMonths, "2025-03-06")]
    [InlineData(FollowUpKind.SixMonths, "2025-07-31")]
    [InlineData(FollowUpKind.SixMonths, "2025-12-02")]
    [InlineData(FollowUpKind.FourWeeks, "2025-04-27")]
    public async Task A_follow_up_dated_outside_its_window_is_refused_naming_the_date(FollowUpKind kind, string recordedOn)
    {
        var (enrolmentId, _, _, client, _) = await ExitedAsync(Date(2026, 1, 1), Date(2025, 3, 1));
        var followUp = Open(await FollowUpsAsync(client, enrolmentId), kind);

        var response = await TryRecordAsync(client, followUp, DateOnly.Parse(recordedOn, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(["recordedOn"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Null((await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUp.Id))).RecordedOn);
        Assert.Null((await ReadAsync(client, enrolmentId)).Milestones.FollowUp6mOn);
    }

    [Theory]
    [InlineData(FollowUpKind.SixMonths, "2025-08-01")]
    [InlineData(FollowUpKind.SixMonths, "2025-12-01")]
    [InlineData(FollowUpKind.FourWeeks, "2025-03-01")]
    [InlineData(FollowUpKind.FourWeeks, "2025-04-26")]
    public async Task A_follow_up_on_the_edges_of_its_window_is_recorded(FollowUpKind kind, string recordedOn)
    {
        var (enrolmentId, _, _, client, _) = await ExitedAsync(Date(2026, 1, 1), Date(2025, 3, 1));

        var recorded = await RecordAsync(client, Open(await FollowUpsAsync(client, enrolmentId), kind), DateOnly.Parse(recordedOn, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(FollowUpStatus.Employed, recorded.Status);
    }

    [Fact]
    public async Task The_follow_up_page_names_the_window_next_to_the_date_and_saves_nothing()
    {
        var (enrolmentId, _, _, apiClient, coach) = await ExitedAsync(Date(2026, 1, 1), Date(2025, 3, 1));
        var followUp = Open(await FollowUpsAsync(apiClient, enrolmentId), FollowUpKind.SixMonths);
        var client = await _app.LoginAsync(coach);

        var response = await BrobyggeApp.PostFormAsync(client, $"/FollowUps/Record/{followUp.Id}", new()
        {
            ["Input.RecordedOn"] = "2025-03-06", ["Input.Status"] = "Employed", ["Input.SameEmployer"] = "true", ["Input.ContactMethod"] = "Phone",
            ["Input.Version"] = followUp.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches("id=\"Input_RecordedOn_error\"[^>]*>[^<]*fönster", page);
        Assert.Null((await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUp.Id))).RecordedOn);
    }

    [Fact]
    public async Task An_exit_correction_moves_the_follow_ups_not_yet_made()
    {
        var (enrolmentId, _, _, client, _) = await ExitedAsync(Date(2025, 6, 1), Date(2025, 3, 1));
        var before = await FollowUpsAsync(client, enrolmentId);

        await ExitAsync(client, enrolmentId, Date(2025, 5, 1), "Employed");

        var after = await FollowUpsAsync(client, enrolmentId);
        Assert.Equal(before.Select(f => f.Id).Order(), after.Select(f => f.Id).Order());
        Assert.Equal(Date(2025, 5, 28), Open(after, FollowUpKind.FourWeeks).DueOn); // the 29th is Ascension Day
        Assert.Equal(Date(2025, 10, 31), Open(after, FollowUpKind.SixMonths).DueOn); // the 1st is All Saints' Day
    }

    [Fact]
    public async Task An_exit_correction_that_would_put_a_recorded_follow_up_outside_its_window_is_refused()
    {
        var (enrolmentId, _, _, client, _) = await ExitedAsync(Date(2025, 6, 1), Date(2025, 3, 1));
        await RecordAsync(client, Open(await FollowUpsAsync(client, enrolmentId), FollowUpKind.FourWeeks), Date(2025, 3, 20));
        var read = await ReadAsync(client, enrolmentId);

        // The four-week follow-up would then be made twelve days before the exit.
        var response = await TryExitAsync(client, enrolmentId, Date(2025, 4, 1), "Employed", read.Version);

        Assert.Equal(["exitedOn"], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(Date(2025, 3, 1), (await ReadAsync(client, enrolmentId)).ExitedOn);
    }
}

public sealed class SqliteFollowUpPeriodTests(SqliteApp app) : FollowUpPeriodTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFollowUpPeriodTests(PostgresApp app) : FollowUpPeriodTests<PostgresApp>(app);
