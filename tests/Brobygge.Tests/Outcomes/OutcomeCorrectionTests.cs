using System.Net;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Outcomes;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Outcomes;

/// <summary>A job or studies can be corrected and removed, in the API and on the pages; the earlier content and the
/// removal stay on record with when, by whom and why.</summary>
public abstract class OutcomeCorrectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = Available(app);

    private static TApp Available(TApp app)
    {
        app.SkipIfUnavailable();
        return app;
    }

    private const string Job = """{"kind":"Employment","startedOn":"2025-06-02","employerName":"ICA","employmentType":"FixedTerm"}""";

    private async Task<(Guid Enrolment, Guid PersonId, User Coach, OutcomesApi.OutcomeResponse Outcome)> RecordedJobAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.ApiClientAsync(coach);
        var outcome = await (await client.SendRawAsync(HttpMethod.Post, $"/api/v1/enrolments/{enrolment.Id}/outcomes", Job))
            .ReadAsync<OutcomesApi.OutcomeResponse>(HttpStatusCode.Created);
        return (enrolment.Id, enrolment.PersonId, coach, outcome);
    }

    private Task<List<Outcome>> RowsAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.WithHistory<Outcome>().AsNoTracking().Where(o => o.EnrolmentId == enrolmentId).ToListAsync());

    [Fact]
    public async Task The_api_corrects_an_outcome_over_the_version_read_and_keeps_the_earlier_content()
    {
        var (enrolment, _, coach, job) = await RecordedJobAsync();
        var client = await _app.ApiClientAsync(coach);

        var corrected = await (await client.PutJsonAsync($"/api/v1/outcomes/{job.Id}",
                new { kind = "Employment", startedOn = "2025-07-01", employerName = "Coop", employmentType = "Permanent", version = job.Version }))
            .ReadAsync<OutcomesApi.OutcomeResponse>();
        var stale = await client.PutJsonAsync($"/api/v1/outcomes/{job.Id}",
            new { kind = "Employment", startedOn = "2025-08-01", employerName = "Lidl", employmentType = "Permanent", version = job.Version });
        var history = await (await client.GetAsync($"/api/v1/outcomes/{job.Id}/history")).ReadAsync<List<OutcomesApi.OutcomeVersionResponse>>();

        Assert.Equal((job.Id, new DateOnly(2025, 7, 1), "Coop"), (corrected.Id, corrected.StartedOn, corrected.EmployerName));
        await stale.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(["Coop", "ICA"], history.Select(v => v.Outcome.EmployerName));
        Assert.All(history, v => Assert.Equal(job.Id, v.Outcome.Id));
        Assert.Equal((coach.Id, (DateTime?)null), (history[0].RecordedById, history[0].SupersededAt));
        Assert.NotNull(history[1].SupersededAt);
        Assert.Equal(2, (await RowsAsync(enrolment)).Count); // the refused correction wrote nothing
        Assert.Equal(new DateOnly(2025, 7, 1), await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.FirstJobOn).SingleAsync()));
    }

    [Fact]
    public async Task The_api_removes_an_outcome_with_its_reason_and_it_is_gone_from_reads_and_milestones()
    {
        var (enrolment, _, coach, job) = await RecordedJobAsync();
        var client = await _app.ApiClientAsync(coach);

        var removed = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/outcomes/{job.Id}", $$"""{"reason":"Entered for the wrong participant.","version":"{{job.Version}}"}""");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await client.GetAsync($"/api/v1/outcomes/{job.Id}")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await (await client.GetAsync($"/api/v1/enrolments/{enrolment}/outcomes")).ReadAsync<List<OutcomesApi.OutcomeResponse>>());
        var history = await (await client.GetAsync($"/api/v1/outcomes/{job.Id}/history")).ReadAsync<List<OutcomesApi.OutcomeVersionResponse>>();
        Assert.Equal(("Entered for the wrong participant.", coach.Id), (Assert.Single(history).RemovalReason, history[0].RemovedById!.Value));
        var row = Assert.Single(await RowsAsync(enrolment));
        Assert.NotNull(row.RemovedAt);
        Assert.Null(await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolment).Select(e => e.FirstJobOn).SingleAsync()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"version":"00000000-0000-0000-0000-000000000001"}""")]
    [InlineData("""{"reason":"   ","version":"00000000-0000-0000-0000-000000000001"}""")]
    public async Task A_removal_without_a_reason_is_refused_naming_the_field_and_removes_nothing(string body)
    {
        var (enrolment, _, coach, job) = await RecordedJobAsync();
        var client = await _app.ApiClientAsync(coach);

        var response = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/outcomes/{job.Id}", body);

        var errors = await response.ValidationErrorsAsync();
        Assert.Contains("reason", errors.Keys);
        Assert.Null(Assert.Single(await RowsAsync(enrolment)).RemovedAt);
    }

    [Fact]
    public async Task A_removal_over_a_newer_correction_is_a_conflict()
    {
        var (enrolment, _, coach, job) = await RecordedJobAsync();
        var client = await _app.ApiClientAsync(coach);
        await (await client.PutJsonAsync($"/api/v1/outcomes/{job.Id}",
            new { kind = "Employment", startedOn = "2025-07-01", employerName = "Coop", employmentType = "Permanent", version = job.Version })).ReadAsync<OutcomesApi.OutcomeResponse>();

        var response = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/outcomes/{job.Id}", $$"""{"reason":"Duplicate.","version":"{{job.Version}}"}""");

        await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.All(await RowsAsync(enrolment), row => Assert.Null(row.RemovedAt));
    }

    [Fact]
    public async Task The_page_corrects_an_outcome_and_removes_one_only_with_a_reason()
    {
        var (enrolment, personId, coach, job) = await RecordedJobAsync();
        var client = await _app.LoginAsync(coach);
        Assert.Contains($"/Outcomes/Edit/{job.Id}", await client.GetStringAsync($"/Participants/Details/{personId}"), StringComparison.Ordinal);

        var corrected = await BrobyggeApp.PostFormAsync(client, $"/Outcomes/Edit/{job.Id}", new()
        {
            ["Input.Kind"] = "Employment", ["Input.StartedOn"] = "2025-07-01", ["Input.EmployerName"] = "Coop",
            ["Input.EmploymentType"] = "Permanent", ["Input.Version"] = job.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Outcomes/Edit/{job.Id}"));
        Assert.Contains("ICA", page, StringComparison.Ordinal); // the earlier version is listed
        var version = (await RowsAsync(enrolment)).Single(o => o.HistoryOf is null).Version;

        var refused = await BrobyggeApp.PostFormAsync(client, $"/Outcomes/Edit/{job.Id}?handler=Remove",
            new() { ["Removal.Reason"] = "", ["Removal.Version"] = version.ToString() }, formPage: $"/Outcomes/Edit/{job.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("id=\"Removal_Reason_error\"[^>]*>[^<]+<", await refused.Content.ReadAsStringAsync());
        Assert.All(await RowsAsync(enrolment), row => Assert.Null(row.RemovedAt));

        var removed = await BrobyggeApp.PostFormAsync(client, $"/Outcomes/Edit/{job.Id}?handler=Remove",
            new() { ["Removal.Reason"] = "Duplicate.", ["Removal.Version"] = version.ToString() }, formPage: $"/Outcomes/Edit/{job.Id}");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("Duplicate.", (await RowsAsync(enrolment)).Single(o => o.HistoryOf is null).RemovalReason);
        Assert.DoesNotContain($"/Outcomes/Edit/{job.Id}", await client.GetStringAsync($"/Participants/Details/{personId}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Outcomes/Edit/{job.Id}")).StatusCode);
    }
}

public sealed class SqliteOutcomeCorrectionTests(SqliteApp app) : OutcomeCorrectionTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresOutcomeCorrectionTests(PostgresApp app) : OutcomeCorrectionTests<PostgresApp>(app);
