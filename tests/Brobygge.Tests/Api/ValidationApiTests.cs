using System.Net;
using Brobygge.Api;
using Brobygge.Identity;
using Brobygge.Plans;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Activities.ActivitiesApi;
using static Brobygge.Enrolments.EnrolmentsApi;
using static Brobygge.FollowUps.FollowUpsApi;
using static Brobygge.Participants.ParticipantsApi;
using static Brobygge.Plans.PlansApi;

namespace Brobygge.Tests.Api;

/// <summary>Bad input gets a clear error naming the field and changes nothing; concurrent edits never overwrite each other.</summary>
public abstract class ValidationApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private async Task<(Project Project, User Coach, HttpClient Client)> CoachAsync()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        return (project, coach, await _app.ApiClientAsync(coach));
    }

    private Task<int> RowsAsync(Guid organisationId)
        => _app.WithDbAsync((db, _) => Task.FromResult(
            db.Persons.Count(p => p.OrganisationId == organisationId) + db.Contacts.Count(c => c.OrganisationId == organisationId)
            + db.Enrolments.Count(e => e.OrganisationId == organisationId) + db.Activities.Count(a => a.OrganisationId == organisationId)
            + db.PlanSteps.Count(s => s.OrganisationId == organisationId) + db.Outcomes.Count(o => o.OrganisationId == organisationId)
            + db.FollowUps.Count(f => f.OrganisationId == organisationId)));

    [Fact]
    public async Task A_contact_with_bad_fields_gets_400_naming_every_one_and_nothing_is_written()
    {
        var (project, _, client) = await CoachAsync();
        var otherProject = await _app.CreateProjectAsync();

        var response = await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = " ", identityNumber = "19820319-2384", email = "not-an-address", languages = new[] { "xx" }, educationLevel = 9 },
            projectId = otherProject.Id, contactedOn = "2025-09-02", language = "xx1",
        });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["contactedOn", "language", "person.educationLevel", "person.email", "person.firstName", "person.gender",
            "person.identityNumber", "person.languages", "person.lastName", "projectId"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("Choose one of your projects.", errors["projectId"]);
        Assert.Equal(0, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task An_enrolment_with_bad_fields_gets_400_and_nothing_is_written()
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var before = await RowsAsync(project.OrganisationId);

        var errors = await (await client.PostJsonAsync($"/api/v1/participants/{enrolment.PersonId}/enrolments",
            new { projectId = project.Id, enrolledOn = "2023-01-01" })).ValidationErrorsAsync();

        Assert.Equal(["enrolledOn", "projectId", "statusAtEntry"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("The person is already enrolled in this project.", errors["projectId"]);
        Assert.Equal(before, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task An_internship_without_employer_or_end_and_before_enrolment_gets_400_and_nothing_is_written()
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 3, 1));
        var before = await RowsAsync(project.OrganisationId);

        var errors = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/activities",
            new { kind = "Internship", occurredOn = "2025-02-01", language = "Klingonska" })).ValidationErrorsAsync();

        Assert.Equal(["employerName", "endsOn", "language", "occurredOn"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await RowsAsync(project.OrganisationId));
    }

    [Theory]
    [InlineData("""{"projectId":"PID","enrolledOn":"2025-03-10","statusAtEntry":"Sleeping"}""", "statusAtEntry", "LongTermUnemployed")]
    [InlineData("""{"projectId":"PID","enrolledOn":"2025-03-10","statusAtEntry":2}""", "statusAtEntry", "LongTermUnemployed")]
    [InlineData("""{"projectId":"PID","enrolledOn":"2025-02-30","statusAtEntry":"Unemployed"}""", "enrolledOn", "yyyy-MM-dd")]
    [InlineData("""{"projectId":"not-an-id","enrolledOn":"2025-03-10","statusAtEntry":"Unemployed"}""", "projectId", "id")]
    [InlineData("""{"projectId":"PID","enrolledOn":"2025-03-10","statusAtEntry":"Unemployed""", "statusAtEntry", "LongTermUnemployed")]
    [InlineData("""not json at all""", "body", "object")]
    public async Task A_body_that_cannot_be_read_gets_400_naming_the_field_never_500(string json, string field, string hint)
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var before = await RowsAsync(project.OrganisationId);

        var response = await client.SendRawAsync(HttpMethod.Post, $"/api/v1/participants/{enrolment.PersonId}/enrolments", json.Replace("PID", project.Id.ToString()));

        var errors = await response.ValidationErrorsAsync();
        Assert.Contains(hint, Assert.Single(errors, e => e.Key == field).Value.Single());
        Assert.Equal(before, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_is_missing_gets_problem_details()
    {
        var (project, _, client) = await CoachAsync();

        var plain = await client.PostAsync("/api/v1/contacts", new StringContent("Amal Omar"));
        var empty = await client.PostAsync("/api/v1/contacts", new StringContent("", System.Text.Encoding.UTF8, "application/json"));
        var nowhere = await client.GetAsync("/api/v1/nothing-here");

        await plain.ProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("body", (await empty.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await nowhere.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task A_bad_enum_value_deep_in_the_body_is_named_by_its_path()
    {
        var (project, _, client) = await CoachAsync();

        var response = await client.SendRawAsync(HttpMethod.Post, "/api/v1/contacts",
            $$"""{"person":{"firstName":"Amal","lastName":"Omar","gender":"Robot"},"projectId":"{{project.Id}}","contactedOn":"2025-08-01"}""");

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal("Use one of: Woman, Man, NonBinary.", Assert.Single(errors["person.gender"]).Split(" (")[0]);
        Assert.Equal(0, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task A_change_without_a_version_gets_400_naming_version()
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach);

        var errors = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/exit", new { exitedOn = "2025-08-01", reason = "Completed" }))
            .ValidationErrorsAsync();

        Assert.Equal(["version"], errors.Keys);
        Assert.Null((await _app.WithDbAsync((db, _) => db.Enrolments.SingleAsync(e => e.Id == enrolment.Id))).ExitedOn);
    }

    [Fact]
    public async Task A_stale_version_of_a_participant_gets_409_and_the_other_change_stays()
    {
        var (project, coach, client) = await CoachAsync();
        var manager = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var url = $"/api/v1/participants/{enrolment.PersonId}";
        var read = await (await client.GetAsync(url)).ReadAsync<ParticipantResponse>();
        object Change(string district) => new { read.FirstName, read.LastName, read.Gender, read.BirthDate, district, read.Version };

        var first = await (await client.PutJsonAsync(url, Change("Dalhem"))).ReadAsync<ParticipantResponse>();
        var second = await manager.PutJsonAsync(url, Change("Husensjö"));

        Assert.NotEqual(read.Version, first.Version);
        Assert.Contains("changed by someone else", (await second.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        var now = await (await client.GetAsync(url)).ReadAsync<ParticipantResponse>();
        Assert.Equal("Dalhem", now.District);
        Assert.Equal(first.Version, now.Version);
    }

    [Fact]
    public async Task Stale_versions_of_plan_steps_activities_follow_ups_and_enrolments_get_409_and_change_nothing()
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 3, 1));
        var step = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/plan-steps", new { title = "CV" })).ReadAsync<PlanStepResponse>(HttpStatusCode.Created);
        var activity = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/activities", new { kind = "PhoneCall", occurredOn = "2025-03-05" }))
            .ReadAsync<ActivityResponse>(HttpStatusCode.Created);
        var followUp = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/follow-ups", new { dueOn = "2025-08-01" }))
            .ReadAsync<FollowUpResponse>(HttpStatusCode.Created);
        var stale = Guid.NewGuid();

        var responses = new[]
        {
            await client.PutJsonAsync($"/api/v1/plan-steps/{step.Id}", new { title = "Nytt CV", status = "Done", version = stale }),
            await client.PutJsonAsync($"/api/v1/activities/{activity.Id}", new { kind = "Meeting", occurredOn = "2025-03-06", version = stale }),
            await client.PutJsonAsync($"/api/v1/follow-ups/{followUp.Id}", new { recordedOn = "2025-08-01", status = "Unreached", version = stale }),
            await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/exit", new { exitedOn = "2025-08-01", reason = "Completed", version = stale }),
        };

        foreach (var response in responses)
            await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(step, await (await client.GetAsync($"/api/v1/plan-steps/{step.Id}")).ReadAsync<PlanStepResponse>());
        Assert.Equal(activity, await (await client.GetAsync($"/api/v1/activities/{activity.Id}")).ReadAsync<ActivityResponse>());
        Assert.Equal(followUp, await (await client.GetAsync($"/api/v1/follow-ups/{followUp.Id}")).ReadAsync<FollowUpResponse>());
        var after = await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}")).ReadAsync<EnrolmentResponse>();
        Assert.Null(after.ExitedOn);
        Assert.Single(await (await client.GetAsync($"/api/v1/enrolments/{enrolment.Id}/follow-ups")).ReadAsync<List<FollowUpResponse>>());
        Assert.Equal(PlanStepStatus.Planned, step.Status);
    }
}

public sealed class SqliteValidationApiTests(SqliteApp app) : ValidationApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresValidationApiTests(PostgresApp app) : ValidationApiTests<PostgresApp>(app);
