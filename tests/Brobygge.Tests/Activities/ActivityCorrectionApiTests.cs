using System.Net;
using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Activities;

/// <summary>An activity corrected through the API keeps its earlier content; one removed keeps its reason and no
/// longer counts toward the first-activity milestone.</summary>
public abstract class ActivityCorrectionApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    [Fact]
    public async Task A_corrected_then_removed_activity_keeps_both_versions_and_leaves_the_milestones()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.ApiClientAsync(coach);
        var meeting = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/activities", new { kind = "Meeting", occurredOn = "2025-03-06" }))
            .ReadAsync<ActivitiesApi.ActivityResponse>(HttpStatusCode.Created);
        var corrected = await (await client.PutJsonAsync($"/api/v1/activities/{meeting.Id}", new { kind = "HomeVisit", occurredOn = "2025-03-07", version = meeting.Version }))
            .ReadAsync<ActivitiesApi.ActivityResponse>();

        var unexplained = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/activities/{meeting.Id}", $$"""{"version":"{{corrected.Version}}"}""");
        var removed = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/activities/{meeting.Id}", $$"""{"reason":"Never took place.","version":"{{corrected.Version}}"}""");
        var history = await (await client.GetAsync($"/api/v1/activities/{meeting.Id}/history")).ReadAsync<List<ActivitiesApi.ActivityVersionResponse>>();

        Assert.Equal(["reason"], (await unexplained.ValidationErrorsAsync()).Keys);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal([(ActivityKind.HomeVisit, "Never took place."), (ActivityKind.Meeting, (string?)null)],
            history.Select(v => (v.Activity.Kind, v.RemovalReason)));
        await (await client.GetAsync($"/api/v1/activities/{meeting.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment.Id).Select(e => e.FirstActivityOn).SingleAsync()));
        Assert.Equal(2, await _app.WithDbAsync((db, _) => db.WithHistory<Activity>().CountAsync(a => a.EnrolmentId == enrolment.Id)));
    }
}

public sealed class SqliteActivityCorrectionApiTests(SqliteApp app) : ActivityCorrectionApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresActivityCorrectionApiTests(PostgresApp app) : ActivityCorrectionApiTests<PostgresApp>(app);
