using System.Net;
using Brobygge.Activities;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Calendar;

/// <summary>What is coming up for a coach: the start page, the week calendar and the calendar feed read the same
/// appointments and follow-ups.</summary>
public abstract class ComingUpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    /// <summary>Wednesday 12 March 2025, 10:00 in Stockholm.</summary>
    private static readonly DateTimeOffset Wednesday = new(2025, 3, 12, 9, 0, 0, TimeSpan.Zero);

    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<(User Coach, Brobygge.Enrolments.Enrolment Enrolment)> DiaryAsync()
    {
        _app.Clock.Now = Wednesday;
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, firstName: "Leyla", enrolledOn: new DateOnly(2025, 1, 10));
        await _app.WithDbAsync(async db =>
        {
            Activity Planned(DateOnly on, TimeOnly? at, ActivityKind kind) => new()
            {
                OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = kind, Status = ActivityStatus.Planned, OccurredOn = on, StartsAt = at,
            };
            db.Activities.AddRange(
                Planned(new DateOnly(2025, 3, 12), new TimeOnly(13, 15), ActivityKind.Meeting),
                Planned(new DateOnly(2025, 3, 20), null, ActivityKind.GroupSession),
                Planned(new DateOnly(2025, 3, 5), new TimeOnly(9, 0), ActivityKind.HomeVisit),
                Planned(new DateOnly(2025, 4, 15), new TimeOnly(10, 0), ActivityKind.ShortCourse));
            db.FollowUps.Add(new FollowUp { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = FollowUpKind.OnDemand, DueOn = new DateOnly(2025, 3, 24) });
            await db.SaveChangesAsync();
        });
        return (coach, enrolment);
    }

    [Fact]
    public async Task The_start_page_shows_the_overdue_today_and_the_coming_two_weeks_and_nothing_further()
    {
        var (coach, enrolment) = await DiaryAsync();
        var client = await _app.LoginAsync(coach);

        var page = await client.GetStringAsync("/");

        var decoded = WebUtility.HtmlDecode(page);
        var overdue = decoded.IndexOf("Försenat", StringComparison.Ordinal);
        var today = decoded.IndexOf("<h3>I dag</h3>", StringComparison.Ordinal);
        var coming = decoded.IndexOf("De kommande två veckorna", StringComparison.Ordinal);
        Assert.True(overdue >= 0 && overdue < today && today < coming, "the sections are overdue, today, the coming two weeks");
        Assert.Contains("Hembesök", decoded[overdue..today], StringComparison.Ordinal);
        Assert.Contains("13:15", decoded[today..coming], StringComparison.Ordinal);
        Assert.Contains("Möte", decoded[today..coming], StringComparison.Ordinal);
        var ahead = decoded[coming..];
        Assert.Contains("2025-03-20", ahead, StringComparison.Ordinal);
        Assert.Contains("2025-03-24", ahead, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-04-15", decoded, StringComparison.Ordinal);
        Assert.Contains($"(1990, {enrolment.Reference})", decoded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_week_calendar_shows_the_week_from_monday_and_moves_a_week_at_a_time()
    {
        var (coach, _) = await DiaryAsync();
        var client = await _app.LoginAsync(coach);

        var thisWeek = WebUtility.HtmlDecode(await client.GetStringAsync("/Calendar"));
        var nextWeek = WebUtility.HtmlDecode(await client.GetStringAsync("/Calendar?week=2025-03-19"));

        Assert.Contains("Kalender, vecka 11", thisWeek, StringComparison.Ordinal);
        Assert.Contains("Måndag 10 mars", thisWeek, StringComparison.Ordinal);
        Assert.Contains("13:15", thisWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("Gruppträff", thisWeek, StringComparison.Ordinal);
        Assert.Contains("href=\"/Calendar?week=2025-03-17\"", thisWeek, StringComparison.Ordinal);
        Assert.Contains("href=\"/Calendar?week=2025-03-03\"", thisWeek, StringComparison.Ordinal);
        Assert.Contains("Kalender, vecka 12", nextWeek, StringComparison.Ordinal);
        Assert.DoesNotContain("13:15", nextWeek, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recording_a_planned_meeting_as_held_takes_it_off_the_agenda_and_makes_it_count()
    {
        var (coach, enrolment) = await DiaryAsync();
        var client = await _app.LoginAsync(coach);
        var meeting = await _app.WithDbAsync((db, _) => db.Activities.SingleAsync(a => a.EnrolmentId == enrolment.Id && a.Kind == ActivityKind.Meeting));

        var saved = await BrobyggeApp.PostFormAsync(client, $"/Activities/Held/{meeting.Id}", new()
        {
            ["Input.OccurredOn"] = "2025-03-12", ["Input.Hours"] = "2", ["Input.Version"] = meeting.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var held = await _app.WithDbAsync((db, _) => db.Activities.SingleAsync(a => a.Id == meeting.Id));
        Assert.Equal(ActivityStatus.Held, held.Status);
        Assert.Equal(2, held.Hours);
        Assert.Equal(new DateOnly(2025, 3, 12), (await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.Id == enrolment.Id))).FirstActivityOn);
        Assert.DoesNotContain("13:15", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planned_meeting_cannot_be_recorded_as_held_on_a_day_still_to_come()
    {
        var (coach, enrolment) = await DiaryAsync();
        var client = await _app.LoginAsync(coach);
        var course = await _app.WithDbAsync((db, _) => db.Activities.SingleAsync(a => a.EnrolmentId == enrolment.Id && a.Kind == ActivityKind.GroupSession));

        var refused = await BrobyggeApp.PostFormAsync(client, $"/Activities/Held/{course.Id}", new()
        {
            ["Input.OccurredOn"] = "2025-03-20", ["Input.Version"] = course.Version.ToString(),
        });

        Forms.FieldErrors.AssertNamed(await PageOf(refused), "Input.OccurredOn", "kan bara vara planerad");
        Assert.Equal(ActivityStatus.Planned, (await _app.WithDbAsync((db, _) => db.Activities.SingleAsync(a => a.Id == course.Id))).Status);
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task The_calendar_feed_opens_without_a_cookie_shows_references_not_names_and_stops_when_revoked()
    {
        var (coach, enrolment) = await DiaryAsync();
        var client = await _app.LoginAsync(coach);

        var made = await PageOf(await BrobyggeApp.PostFormAsync(client, "/Calendar/Feed?handler=Create", new(), formPage: "/Calendar/Feed"));
        var address = System.Text.RegularExpressions.Regex.Match(made, @"https?://[^<""]+/calendar/([A-Za-z0-9_-]+)\.ics");
        Assert.True(address.Success, "the new address is shown once");
        var secret = address.Groups[1].Value;
        var feedPath = $"/calendar/{secret}.ics";

        var feed = await _app.Anonymous().GetAsync(feedPath);
        var calendar = await feed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:Möte – {enrolment.Reference}\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20250312T121500Z\r\n", calendar, StringComparison.Ordinal); // 13:15 in Stockholm, winter time
        Assert.Contains("DTSTART;VALUE=DATE:20250324\r\n", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain("Leyla", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain(enrolment.Person!.LastName, calendar, StringComparison.Ordinal);

        // The secret is kept only as its hash.
        var stored = await _app.WithDbAsync((db, _) => db.UserTokens.Where(t => t.UserId == coach.Id).ToListAsync());
        Assert.DoesNotContain(stored, t => t.Name.Contains(secret, StringComparison.Ordinal) || (t.Value ?? "").Contains(secret, StringComparison.Ordinal));
        Assert.Single(stored);

        Assert.Equal(HttpStatusCode.NotFound, (await _app.Anonymous().GetAsync($"/calendar/{secret[..^2]}xx.ics")).StatusCode);
        await BrobyggeApp.PostFormAsync(client, "/Calendar/Feed?handler=Revoke", new(), formPage: "/Calendar/Feed");
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Anonymous().GetAsync(feedPath)).StatusCode);
    }

    [Fact]
    [Trait("Category", "Security")]
    public async Task A_disabled_coachs_calendar_feed_answers_not_found()
    {
        var (coach, _) = await DiaryAsync();
        var client = await _app.LoginAsync(coach);
        var made = await PageOf(await BrobyggeApp.PostFormAsync(client, "/Calendar/Feed?handler=Create", new(), formPage: "/Calendar/Feed"));
        var feedPath = System.Text.RegularExpressions.Regex.Match(made, @"/calendar/[A-Za-z0-9_-]+\.ics").Value;
        Assert.Equal(HttpStatusCode.OK, (await _app.Anonymous().GetAsync(feedPath)).StatusCode);

        Assert.Equal(0, await _app.RunCommandLineAsync("users", "disable", "--email", coach.Email!));

        Assert.Equal(HttpStatusCode.NotFound, (await _app.Anonymous().GetAsync(feedPath)).StatusCode);
    }
}

public sealed class SqliteComingUpTests(SqliteApp app) : ComingUpTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresComingUpTests(PostgresApp app) : ComingUpTests<PostgresApp>(app);
