using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Brobygge.Tests.Enrolments;

/// <summary>
/// Two staff record jobs for the same participant at the same moment: the first-job date stays the earliest of the
/// records, however the saves interleave. PostgreSQL runs them truly in parallel; SQLite has one writer.
/// </summary>
public abstract class MilestoneRaceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private const int Requests = 4;
    private const int Rounds = 5;
    protected TApp App { get; } = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    protected static object Job(DateOnly startedOn) => new { kind = "Employment", startedOn, employmentType = "Permanent", employerName = "ICA Maxi" };

    protected Task<DateOnly?> FirstJobOnAsync(Guid enrolmentId)
        => App.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId).Select(e => e.FirstJobOn).SingleAsync());

    [Fact]
    public async Task Jobs_recorded_at_the_same_moment_by_two_staff_leave_the_earliest_as_the_first_job()
    {
        var project = await App.CreateProjectAsync();
        var clients = new[]
        {
            await App.ApiClientAsync(await App.CreateUserAsync(Roles.ProjectManager, project)),
            await App.ApiClientAsync(await App.CreateUserAsync(Roles.ProjectManager, project)),
        };

        for (var round = 0; round < Rounds; round++)
        {
            var enrolment = await App.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 10));
            var dates = Enumerable.Range(0, Requests).Select(i => new DateOnly(2025, 6, 2).AddDays(-7 * i)).ToList();

            var responses = await Simultaneous.SendAsync(dates.Select((date, i) => (clients[i % clients.Length],
                Simultaneous.Json(HttpMethod.Post, $"/api/v1/enrolments/{enrolment.Id}/outcomes", Job(date)))).ToList());

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            Assert.Equal(dates.Min(), await FirstJobOnAsync(enrolment.Id));
        }
    }
}

public sealed class SqliteMilestoneRaceTests(SqliteApp app) : MilestoneRaceTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMilestoneRaceTests(PostgresApp app) : MilestoneRaceTests<PostgresApp>(app)
{
    /// <summary>
    /// The interleaving that lost the update under READ COMMITTED, made certain: another staff member's save has written
    /// its earlier job and its first-job date but not yet committed when this save begins. Without a lock taken before
    /// the records are written, this save's milestone refresh waits for that row and then computes from a snapshot
    /// without the other job, and stores the later date.
    /// </summary>
    [Fact]
    public async Task A_job_saved_while_another_staff_members_earlier_job_is_committing_keeps_the_earlier_date()
    {
        var project = await App.CreateProjectAsync();
        var client = await App.ApiClientAsync(await App.CreateUserAsync(Roles.ProjectManager, project));
        var enrolment = await App.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 10));

        await using var other = new NpgsqlConnection(App.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var write = new NpgsqlCommand("""
            INSERT INTO "Outcomes" ("Id", "OrganisationId", "EnrolmentId", "Kind", "StartedOn", "EmployerName", "EmploymentType", "Version")
            VALUES (@id, @organisation, @enrolment, 'Employment', DATE '2025-03-03', 'Coop', 'Permanent', @version);
            UPDATE "Enrolments" SET "FirstJobOn" = DATE '2025-03-03' WHERE "Id" = @enrolment;
            """, other, transaction))
        {
            write.Parameters.AddWithValue("id", Guid.CreateVersion7());
            write.Parameters.AddWithValue("organisation", project.OrganisationId);
            write.Parameters.AddWithValue("enrolment", enrolment.Id);
            write.Parameters.AddWithValue("version", Guid.NewGuid());
            await write.ExecuteNonQueryAsync();
        }

        var saving = client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/outcomes", Job(new DateOnly(2025, 6, 2)));
        await WaitUntilASaveWaitsForALockAsync();
        await transaction.CommitAsync();

        Assert.Equal(HttpStatusCode.Created, (await saving).StatusCode);
        Assert.Equal(new DateOnly(2025, 3, 3), await FirstJobOnAsync(enrolment.Id));
    }

    /// <summary>Polls the server, not the clock: the save has reached the enrolment row the other transaction holds.</summary>
    private async Task WaitUntilASaveWaitsForALockAsync()
    {
        await using var watcher = new NpgsqlConnection(App.ConnectionString);
        await watcher.OpenAsync();
        await using var waiting = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", watcher);
        for (var attempt = 0; attempt < 600; attempt++)
        {
            if ((long)(await waiting.ExecuteScalarAsync())! > 0)
                return;
            await Task.Delay(50);
        }
        Assert.Fail("The save never waited for the enrolment row that the other transaction holds.");
    }
}
