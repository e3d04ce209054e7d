using System.Net;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
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
}

public sealed class SqliteFollowUpPagesTests(SqliteApp app) : FollowUpPagesTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFollowUpPagesTests(PostgresApp app) : FollowUpPagesTests<PostgresApp>(app);
