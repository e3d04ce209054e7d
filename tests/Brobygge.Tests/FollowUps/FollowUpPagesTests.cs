using System.Net;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.FollowUps;

/// <summary>The follow-up form through the real pipeline: bad input names the field and writes nothing.</summary>
public abstract class FollowUpPagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static async Task<string> PageOf(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task A_follow_up_needs_how_the_person_was_reached_unless_they_were_not()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var created = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var (followUpId, version) = await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == created.Id);
            enrolment.Exit(new DateOnly(2025, 3, 1), ExitReason.Employed);
            await db.SaveChangesAsync();
            var fourWeeks = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
            return (fourWeeks.Id, fourWeeks.Version.ToString());
        });
        var client = await _app.LoginAsync(coach);

        var refused = await BrobyggeApp.PostFormAsync(client, $"/FollowUps/Record/{followUpId}", new() { ["Input.RecordedOn"] = "2025-03-29", ["Input.Status"] = "Studying", ["Input.Version"] = version });
        FieldErrors.AssertNamed(await PageOf(refused), "Input.ContactMethod", "Välj hur personen nåddes");
        Assert.Null((await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId))).RecordedOn);

        var unreached = await BrobyggeApp.PostFormAsync(client, $"/FollowUps/Record/{followUpId}", new() { ["Input.RecordedOn"] = "2025-03-29", ["Input.Status"] = "Unreached", ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, unreached.StatusCode);
        Assert.Equal(FollowUpStatus.Unreached, (await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId))).Status);
    }

    [Fact]
    public async Task A_follow_up_not_reached_yet_reached_by_phone_at_the_same_employer_is_refused_and_nothing_is_saved()
    {
        var (followUpId, version, client, _) = await ExitedAsync();

        var refused = await BrobyggeApp.PostFormAsync(client, $"/FollowUps/Record/{followUpId}", new()
        {
            ["Input.RecordedOn"] = "2025-03-29", ["Input.Status"] = "Unreached", ["Input.ContactMethod"] = "Phone", ["Input.SameEmployer"] = "true", ["Input.Version"] = version,
        });

        var page = await PageOf(refused);
        FieldErrors.AssertNamed(page, "Input.ContactMethod", "En person som inte nåddes har inte nåtts på något sätt");
        FieldErrors.AssertNamed(page, "Input.SameEmployer", "Samma arbetsgivare frågas bara om en person som arbetar");
        var saved = await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId));
        Assert.Null(saved.RecordedOn);
        Assert.Null(saved.Status);
    }

    [Fact]
    public async Task Same_employer_for_a_person_who_studies_is_refused_through_the_api_naming_the_field()
    {
        var (followUpId, version, _, coach) = await ExitedAsync();
        var api = await _app.ApiClientAsync(coach);

        var response = await api.PutJsonAsync($"/api/v1/follow-ups/{followUpId}", new
        {
            recordedOn = "2025-03-29", status = "Studying", contactMethod = "Phone", sameEmployer = true, version = Guid.Parse(version),
        });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["sameEmployer"], errors.Keys);
        Assert.Null((await _app.WithDbAsync((db, _) => db.FollowUps.SingleAsync(f => f.Id == followUpId))).RecordedOn);
    }

    [Fact]
    public async Task The_four_week_follow_up_of_an_exit_that_would_fall_due_on_christmas_day_falls_due_on_the_working_day_before()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var created = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 9, 1));

        var due = await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == created.Id);
            enrolment.Exit(new DateOnly(2025, 11, 27), ExitReason.Employed);
            await db.SaveChangesAsync();
            return enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks).DueOn;
        });

        Assert.Equal(new DateOnly(2025, 12, 23), due);
    }

    private async Task<(Guid FollowUpId, string Version, HttpClient Client, User Coach)> ExitedAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var created = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        var (followUpId, version) = await _app.WithDbAsync(async (db, _) =>
        {
            var enrolment = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == created.Id);
            enrolment.Exit(new DateOnly(2025, 3, 1), ExitReason.Employed);
            await db.SaveChangesAsync();
            var fourWeeks = enrolment.FollowUps.Single(f => f.Kind == FollowUpKind.FourWeeks);
            return (fourWeeks.Id, fourWeeks.Version.ToString());
        });
        return (followUpId, version, await _app.LoginAsync(coach), coach);
    }
}

public sealed class SqliteFollowUpPagesTests(SqliteApp app) : FollowUpPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFollowUpPagesTests(PostgresApp app) : FollowUpPagesTests<PostgresApp>(app);
