using System.Net;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Plans;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Plans;

/// <summary>A plan step is corrected or removed with a reason, in the API and on its page; its earlier versions and the
/// removal stay on record.</summary>
public abstract class PlanStepCorrectionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(Guid EnrolmentId, User Coach, PlansApi.PlanStepResponse Step)> StepAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.ApiClientAsync(coach);
        var step = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/plan-steps", new { title = "Ansök om validering", dueOn = "2025-04-01" }))
            .ReadAsync<PlansApi.PlanStepResponse>(HttpStatusCode.Created);
        return (enrolment.Id, coach, step);
    }

    private Task<List<PlanStep>> RowsAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.WithHistory<PlanStep>().AsNoTracking().Where(s => s.EnrolmentId == enrolmentId).ToListAsync());

    [Fact]
    public async Task The_api_corrects_and_removes_a_step_and_lists_its_versions()
    {
        var (enrolmentId, coach, step) = await StepAsync();
        var client = await _app.ApiClientAsync(coach);

        var corrected = await (await client.PutJsonAsync($"/api/v1/plan-steps/{step.Id}", new { title = "Ansök om validering hos UHR", dueOn = "2025-04-15", version = step.Version }))
            .ReadAsync<PlansApi.PlanStepResponse>();
        var noReason = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/plan-steps/{step.Id}", $$"""{"version":"{{corrected.Version}}"}""");
        var errors = await noReason.ValidationErrorsAsync();
        var removed = await client.SendRawAsync(HttpMethod.Delete, $"/api/v1/plan-steps/{step.Id}", $$"""{"reason":"Dubbelregistrerat.","version":"{{corrected.Version}}"}""");
        var history = await (await client.GetAsync($"/api/v1/plan-steps/{step.Id}/history")).ReadAsync<List<PlansApi.PlanStepVersionResponse>>();

        Assert.True(errors.ContainsKey("reason"), "the refused removal names the reason: " + string.Join(", ", errors.Keys));
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(["Ansök om validering hos UHR", "Ansök om validering"], history.Select(v => v.Step.Title));
        Assert.Equal("Dubbelregistrerat.", history[0].RemovalReason);
        Assert.All(history, v => Assert.Equal(step.Id, v.Step.Id));
        Assert.Equal(2, (await RowsAsync(enrolmentId)).Count);
        await (await client.GetAsync($"/api/v1/plan-steps/{step.Id}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_step_page_removes_a_step_with_the_reason()
    {
        var (enrolmentId, coach, step) = await StepAsync();
        var client = await _app.LoginAsync(coach);
        var url = $"/Plans/Step/{enrolmentId}/{step.Id}";

        var removed = await BrobyggeApp.PostFormAsync(client, url + "?handler=Remove",
            new() { ["Removal.Version"] = step.Version.ToString(), ["Removal.Reason"] = "Inte aktuellt längre." }, formPage: url);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal("Inte aktuellt längre.", Assert.Single(await RowsAsync(enrolmentId)).RemovalReason);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
    }
}

public sealed class SqlitePlanStepCorrectionTests(SqliteApp app) : PlanStepCorrectionTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresPlanStepCorrectionTests(PostgresApp app) : PlanStepCorrectionTests<PostgresApp>(app);
