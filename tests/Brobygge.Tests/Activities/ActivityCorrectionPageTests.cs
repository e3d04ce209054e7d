using System.Net;
using Brobygge.Activities;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Activities;

/// <summary>A coach corrects an activity's wrong date or removes it with a reason on its page; the earlier content stays
/// on record and the milestones follow the correction.</summary>
public abstract class ActivityCorrectionPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(HttpClient Client, Guid EnrolmentId, Guid ActivityId)> HeldMeetingAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.LoginAsync(coach);
        var saved = await BrobyggeApp.PostFormAsync(client, $"/Activities/New/{enrolment.Id}", new()
        {
            ["Input.Kind"] = "Meeting", ["Input.Status"] = "Held", ["Input.OccurredOn"] = "2025-03-10",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var activityId = await _app.WithDbAsync((db, _) => db.Activities.Where(a => a.EnrolmentId == enrolment.Id).Select(a => a.Id).SingleAsync());
        return (client, enrolment.Id, activityId);
    }

    private Task<List<Activity>> RowsAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.WithHistory<Activity>().AsNoTracking().Where(a => a.EnrolmentId == enrolmentId).ToListAsync());

    [Fact]
    public async Task A_wrong_date_is_corrected_on_the_page_and_the_earlier_one_is_kept_and_listed()
    {
        var (client, enrolmentId, activityId) = await HeldMeetingAsync();
        var url = $"/Activities/Edit/{activityId}";
        var form = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("value=\"2025-03-10\"", form);

        var corrected = await BrobyggeApp.PostFormAsync(client, url, new()
        {
            ["Input.Kind"] = "Meeting", ["Input.Status"] = "Held", ["Input.OccurredOn"] = "2025-03-12",
            ["Input.Version"] = await _app.WithDbAsync((db, _) => db.Activities.Where(a => a.Id == activityId).Select(a => a.Version.ToString()).SingleAsync()),
        });

        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var rows = await RowsAsync(enrolmentId);
        Assert.Equal([new DateOnly(2025, 3, 10), new DateOnly(2025, 3, 12)], rows.OrderBy(r => r.OccurredOn).Select(r => r.OccurredOn));
        Assert.Equal(activityId, rows.Single(r => r.HistoryOf is null).Id);
        Assert.Equal(new DateOnly(2025, 3, 12), await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.FirstActivityOn).SingleAsync()));
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(url));
        Assert.Contains("Tidigare versioner", page);
        Assert.Contains("2025-03-10", page);
    }

    [Fact]
    public async Task A_removal_needs_a_reason_named_next_to_its_field_and_then_keeps_the_activity_with_it()
    {
        var (client, enrolmentId, activityId) = await HeldMeetingAsync();
        var url = $"/Activities/Edit/{activityId}?handler=Remove";
        var version = await _app.WithDbAsync((db, _) => db.Activities.Where(a => a.Id == activityId).Select(a => a.Version.ToString()).SingleAsync());

        var refused = WebUtility.HtmlDecode(await (await BrobyggeApp.PostFormAsync(client, url, new() { ["Removal.Version"] = version, ["Removal.Reason"] = " " },
            formPage: $"/Activities/Edit/{activityId}")).Content.ReadAsStringAsync());
        Assert.Equal(1, await _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolmentId)));
        var removed = await BrobyggeApp.PostFormAsync(client, url, new() { ["Removal.Version"] = version, ["Removal.Reason"] = "Registrerad på fel deltagare." },
            formPage: $"/Activities/Edit/{activityId}");

        FieldErrors.AssertNamed(refused, "Removal.Reason");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Activities.CountAsync(a => a.EnrolmentId == enrolmentId)));
        var kept = Assert.Single(await RowsAsync(enrolmentId));
        Assert.Equal("Registrerad på fel deltagare.", kept.RemovalReason);
        Assert.Null(await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.FirstActivityOn).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Activities/Edit/{activityId}")).StatusCode);
    }
}

public sealed class SqliteActivityCorrectionPageTests(SqliteApp app) : ActivityCorrectionPageTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresActivityCorrectionPageTests(PostgresApp app) : ActivityCorrectionPageTests<PostgresApp>(app);
