using System.Text.Json;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Tests.Enrolments.EnrolmentSteps;

namespace Brobygge.Tests.Enrolments;

/// <summary>
/// A person who leaves and comes back keeps one enrolment (the ESF rule), and every period of participation stays:
/// "active on D", leavers per quarter and caseloads as of a date read the periods, not the last exit alone.
/// </summary>
public abstract class ParticipationPeriodsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private static DateOnly Date(int year, int month, int day) => new(year, month, day);

    private sealed record PeriodJson(DateOnly StartedOn, DateOnly? EndedOn, ExitReason? ExitReason);

    private static List<PeriodJson> PeriodsIn(JsonElement enrolment)
        => enrolment.TryGetProperty("periods", out var periods) ? periods.Deserialize<List<PeriodJson>>(ApiTesting.Json)! : [];

    /// <summary>Enrolled 2025-01-10, left 2025-04-01 (moved), back 2025-09-01, left again 2026-01-15 (a job).</summary>
    private async Task<(Enrolment Enrolment, HttpClient Client)> LeftCameBackAndLeftAgainAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: Date(2025, 1, 10));
        var client = await _app.ApiClientAsync(coach);
        await ExitAsync(client, enrolment.Id, Date(2025, 4, 1), "Moved");
        await ReEnterAsync(client, enrolment.PersonId, project.Id, Date(2025, 9, 1));
        await ExitAsync(client, enrolment.Id, Date(2026, 1, 15), "Employed");
        return (enrolment, client);
    }

    [Fact]
    public async Task Re_entry_keeps_the_first_exit_as_a_period_of_its_own()
    {
        var (enrolment, client) = await LeftCameBackAndLeftAgainAsync();

        var read = await ReadJsonAsync(client, enrolment.Id);

        Assert.Equal([new PeriodJson(Date(2025, 1, 10), Date(2025, 4, 1), ExitReason.Moved), new PeriodJson(Date(2025, 9, 1), Date(2026, 1, 15), ExitReason.Employed)],
            PeriodsIn(read));
        // The enrolment keeps the first start and the final exit.
        Assert.Equal("2025-01-10", read.GetProperty("enrolledOn").GetString());
        Assert.Equal("2026-01-15", read.GetProperty("exitedOn").GetString());
        Assert.Equal("Employed", read.GetProperty("exitReason").GetString());
    }

    [Fact]
    public async Task Active_on_a_date_reads_the_periods_so_the_gap_between_them_is_not_active()
    {
        var (created, _) = await LeftCameBackAndLeftAgainAsync();

        var enrolment = await _app.WithDbAsync((db, _) => db.Enrolments.Include("Periods").AsNoTracking().SingleAsync(e => e.Id == created.Id));

        Assert.True(enrolment.IsActiveOn(Date(2025, 3, 1)));
        Assert.True(enrolment.IsActiveOn(Date(2025, 4, 1)));
        Assert.False(enrolment.IsActiveOn(Date(2025, 6, 1)));
        Assert.True(enrolment.IsActiveOn(Date(2025, 10, 1)));
        Assert.False(enrolment.IsActiveOn(Date(2026, 2, 1)));
    }

    [Fact]
    public async Task Leavers_per_quarter_and_active_as_of_a_date_count_each_period()
    {
        var (enrolment, _) = await LeftCameBackAndLeftAgainAsync();

        var (activeInGap, activeBefore, activeAfterReturn, leftInQ2, leftInQ1Of2026) = await _app.WithDbAsync(async (db, _) => (
            await db.Enrolments.Where(e => e.Id == enrolment.Id).ActiveOn(Date(2025, 6, 1)).CountAsync(),
            await db.Enrolments.Where(e => e.Id == enrolment.Id).ActiveOn(Date(2025, 3, 1)).CountAsync(),
            await db.Enrolments.Where(e => e.Id == enrolment.Id).ActiveOn(Date(2025, 10, 1)).CountAsync(),
            await db.ParticipationPeriods.Where(p => p.EnrolmentId == enrolment.Id).EndedBetween(Date(2025, 4, 1), Date(2025, 6, 30)).CountAsync(),
            await db.ParticipationPeriods.Where(p => p.EnrolmentId == enrolment.Id).EndedBetween(Date(2026, 1, 1), Date(2026, 3, 31)).CountAsync()));

        Assert.Equal((0, 1, 1, 1, 1), (activeInGap, activeBefore, activeAfterReturn, leftInQ2, leftInQ1Of2026));
    }

    [Fact]
    public async Task A_second_exit_without_re_entry_corrects_the_period_it_ends()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: Date(2025, 1, 10));
        var client = await _app.ApiClientAsync(coach);
        await ExitAsync(client, enrolment.Id, Date(2025, 4, 1), "Moved");

        await ExitAsync(client, enrolment.Id, Date(2025, 4, 15), "Discontinued");

        Assert.Equal([new PeriodJson(Date(2025, 1, 10), Date(2025, 4, 15), ExitReason.Discontinued)], PeriodsIn(await ReadJsonAsync(client, enrolment.Id)));
    }
}

public sealed class SqliteParticipationPeriodsTests(SqliteApp app) : ParticipationPeriodsTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresParticipationPeriodsTests(PostgresApp app) : ParticipationPeriodsTests<PostgresApp>(app);
