using System.Net;
using System.Text.Json;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Activities;

/// <summary>
/// Planned is not held: an activity may be planned ahead, but it counts toward no milestone, funnel step or hours of
/// participation until it is recorded as held; a held activity may record how many hours it took.
/// </summary>
public abstract class PlannedActivityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static DateOnly Date(int year, int month, int day) => new(year, month, day);

    private async Task<(Guid EnrolmentId, HttpClient Client, Brobygge.Identity.User Coach)> EnrolledAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: Date(2025, 1, 10));
        return (enrolment.Id, await _app.ApiClientAsync(coach), coach);
    }

    private static async Task<JsonElement> MilestonesAsync(HttpClient client, Guid enrolmentId)
        => (await (await client.GetAsync($"/api/v1/enrolments/{enrolmentId}")).ReadAsync<JsonElement>()).GetProperty("milestones");

    [Fact]
    public async Task A_planned_internship_counts_toward_no_milestone_until_it_is_recorded_as_held()
    {
        var (enrolmentId, client, coach) = await EnrolledAsync();

        var planned = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/activities", new
        {
            kind = "Internship", status = "Planned", occurredOn = "2025-03-10", startsAt = "09:30", endsOn = "2025-04-30", employerName = "ICA",
        })).ReadAsync<JsonElement>(HttpStatusCode.Created);

        Assert.Equal("Planned", planned.GetProperty("status").GetString());
        Assert.Equal("09:30:00", planned.GetProperty("startsAt").GetString());
        var before = await MilestonesAsync(client, enrolmentId);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("firstActivityOn").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("firstInternshipOn").ValueKind);

        _app.Clock.Now = new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.Zero);
        client = await _app.ApiClientAsync(coach);
        var held = await (await client.PutJsonAsync($"/api/v1/activities/{planned.GetProperty("id").GetGuid()}", new
        {
            kind = "Internship", status = "Held", occurredOn = "2025-03-10", endsOn = "2025-04-30", employerName = "ICA",
            version = planned.GetProperty("version").GetGuid(),
        })).ReadAsync<JsonElement>();

        Assert.Equal("Held", held.GetProperty("status").GetString());
        var after = await MilestonesAsync(client, enrolmentId);
        Assert.Equal("2025-03-10", after.GetProperty("firstActivityOn").GetString());
        Assert.Equal("2025-03-10", after.GetProperty("firstInternshipOn").GetString());
    }

    [Fact]
    public async Task Hours_of_participation_sum_the_held_activities_only()
    {
        var (enrolmentId, client, _) = await EnrolledAsync();
        foreach (var activity in new object[]
        {
            new { kind = "GroupSession", status = "Held", occurredOn = "2025-02-03", hours = 2.5 },
            new { kind = "LanguageTraining", status = "Held", occurredOn = "2025-02-10", hours = 3 },
            new { kind = "Meeting", status = "Held", occurredOn = "2025-02-12" },
            new { kind = "ShortCourse", status = "Planned", occurredOn = "2025-03-20", hours = 6 },
        })
            await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/activities", activity)).ReadAsync<JsonElement>(HttpStatusCode.Created);

        var enrolment = await (await client.GetAsync($"/api/v1/enrolments/{enrolmentId}")).ReadAsync<JsonElement>();

        Assert.Equal(5.5, enrolment.GetProperty("hoursOfParticipation").GetDouble());
    }

    [Theory]
    [InlineData("Held", "2025-03-02", null, "occurredOn")]
    [InlineData("Held", "2025-02-03", 25.0, "hours")]
    [InlineData("Held", "2025-02-03", 0.0, "hours")]
    public async Task A_held_activity_in_the_future_or_with_impossible_hours_is_refused_naming_the_field(string status, string occurredOn, double? hours, string field)
    {
        var (enrolmentId, client, _) = await EnrolledAsync();

        var response = await client.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/activities", new { kind = "Meeting", status, occurredOn, hours });

        Assert.Equal([field], (await response.ValidationErrorsAsync()).Keys);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolmentId)));
    }

    [Fact]
    public async Task The_activity_page_plans_an_activity_with_its_time_of_day()
    {
        var (enrolmentId, _, coach) = await EnrolledAsync();
        var client = await _app.LoginAsync(coach);

        var response = await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolmentId}", new()
        {
            ["Input.Kind"] = "Meeting", ["Input.Status"] = "Planned", ["Input.OccurredOn"] = "2025-03-12", ["Input.StartsAt"] = "13:15", ["Input.Hours"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await _app.WithDbAsync(async (db, _) =>
        {
            var entry = db.Entry(await db.Activities.SingleAsync(a => a.EnrolmentId == enrolmentId));
            return new { Status = entry.Property("Status").CurrentValue?.ToString(), StartsAt = entry.Property("StartsAt").CurrentValue, Hours = entry.Property("Hours").CurrentValue };
        });
        Assert.Equal("Planned", saved.Status);
        Assert.Equal(new TimeOnly(13, 15), saved.StartsAt);
        Assert.Equal(2.0, saved.Hours);
        Assert.Null(await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.FirstActivityOn).SingleAsync()));
    }
}

public sealed class SqlitePlannedActivityTests(SqliteApp app) : PlannedActivityTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresPlannedActivityTests(PostgresApp app) : PlannedActivityTests<PostgresApp>(app);
