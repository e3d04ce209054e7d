using System.Net;
using Brobygge.Activities;
using Brobygge.Api;
using Brobygge.Contacts;
using Brobygge.FollowUps;
using Brobygge.Mappings;
using Brobygge.Identity;
using Brobygge.Outcomes;
using Brobygge.Plans;
using Brobygge.Projects;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Contacts.ContactsApi;
using static Brobygge.Participants.ParticipantsApi;

namespace Brobygge.Tests.Identity;

/// <summary>No IDOR: an id outside the user's scope is "not found" on every endpoint, and roles without a need
/// neither read nor write personal data.</summary>
[Trait("Category", "Security")]
public abstract class AccessApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private sealed record Records(Guid PersonId, Guid EnrolmentId, Guid ContactId, Guid ActivityId, Guid PlanStepId, Guid OutcomeId, Guid FollowUpId, Guid MappingId);

    /// <summary>A participant of the coach with one record of every kind.</summary>
    private async Task<Records> ParticipantWithRecordsAsync(Project project, User coach)
    {
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 3, 1));
        return await _app.WithDbAsync(async (db, _) =>
        {
            var organisation = project.OrganisationId;
            var contact = new Contact { OrganisationId = organisation, PersonId = enrolment.PersonId, ProjectId = project.Id, ContactedOn = new DateOnly(2025, 2, 20), RegisteredById = coach.Id, EnrolledOn = enrolment.EnrolledOn };
            var activity = new Activity { OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 3, 5) };
            var step = new PlanStep { OrganisationId = organisation, EnrolmentId = enrolment.Id, Title = "CV" };
            var outcome = new Outcome { OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = OutcomeKind.Studies, StudiesType = StudiesType.Sfi, StartedOn = new DateOnly(2025, 4, 1) };
            var followUp = new FollowUp { OrganisationId = organisation, EnrolmentId = enrolment.Id, Kind = FollowUpKind.OnDemand, DueOn = new DateOnly(2025, 8, 1) };
            var mapping = new Mapping { OrganisationId = organisation, EnrolmentId = enrolment.Id, Number = 1, MappedOn = new DateOnly(2025, 3, 3) };
            db.AddRange(contact, activity, step, outcome, followUp, mapping);
            await db.SaveChangesAsync();
            return new Records(enrolment.PersonId, enrolment.Id, contact.Id, activity.Id, step.Id, outcome.Id, followUp.Id, mapping.Id);
        });
    }

    /// <summary>Every endpoint that takes an id, with a body that would be valid for the owner.</summary>
    private static IEnumerable<(HttpMethod Method, string Url, object? Body)> EveryIdEndpoint(Records r, Guid projectId, Guid staffId)
    {
        var version = Guid.NewGuid();
        var person = new { firstName = "Amal", lastName = "Omar", gender = "Woman", birthDate = "1990-05-17", version };
        return
        [
            (HttpMethod.Get, $"/api/v1/contacts/{r.ContactId}", null),
            (HttpMethod.Get, $"/api/v1/participants/{r.PersonId}", null),
            (HttpMethod.Put, $"/api/v1/participants/{r.PersonId}", person),
            (HttpMethod.Post, $"/api/v1/participants/{r.PersonId}/enrolments", new { projectId, enrolledOn = "2025-03-01", statusAtEntry = "Unemployed" }),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/exit", new { exitedOn = "2025-08-01", reason = "Completed", version }),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}/assignment-suggestions?role=Coach", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/assignments", new { staffId, role = "Coach" }),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}/mappings", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/mappings", new { basedOn = 1, mapping = new { mappedOn = "2025-03-10" } }),
            (HttpMethod.Get, $"/api/v1/mappings/{r.MappingId}", null),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}/plan-steps", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/plan-steps", new { title = "Mitt steg" }),
            (HttpMethod.Get, $"/api/v1/plan-steps/{r.PlanStepId}", null),
            (HttpMethod.Put, $"/api/v1/plan-steps/{r.PlanStepId}", new { title = "Mitt steg", version }),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}/activities", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/activities", new { kind = "Meeting", occurredOn = "2025-03-06" }),
            (HttpMethod.Get, $"/api/v1/activities/{r.ActivityId}", null),
            (HttpMethod.Put, $"/api/v1/activities/{r.ActivityId}", new { kind = "Meeting", occurredOn = "2025-03-06", version }),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}/outcomes", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/outcomes", new { kind = "Studies", studiesType = "Komvux", startedOn = "2025-05-01" }),
            (HttpMethod.Get, $"/api/v1/outcomes/{r.OutcomeId}", null),
            (HttpMethod.Get, $"/api/v1/enrolments/{r.EnrolmentId}/follow-ups", null),
            (HttpMethod.Post, $"/api/v1/enrolments/{r.EnrolmentId}/follow-ups", new { dueOn = "2025-09-01" }),
            (HttpMethod.Get, $"/api/v1/follow-ups/{r.FollowUpId}", null),
            (HttpMethod.Put, $"/api/v1/follow-ups/{r.FollowUpId}", new { recordedOn = "2025-08-01", status = "Unreached", version }),
        ];
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object? body)
        => client.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = body is null ? null : System.Net.Http.Json.JsonContent.Create(body, options: ApiTesting.Json),
        });

    /// <summary>Every row of the organisation's participant records and their versions, to show that nothing was written.</summary>
    private Task<string> SnapshotAsync(Guid organisationId)
        => _app.WithDbAsync(async (db, _) =>
        {
            var rows = new List<string>();
            rows.AddRange((await db.Persons.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync()).Select(p => $"{p.Id} {p.FirstName} {p.Version}"));
            rows.AddRange((await db.Enrolments.AsNoTracking().Where(e => e.OrganisationId == organisationId).ToListAsync()).Select(e => $"{e.Id} {e.ExitedOn} {e.Version}"));
            rows.AddRange((await db.Assignments.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync()).Select(a => $"{a.Id} {a.StaffId} {a.EndedOn}"));
            rows.AddRange((await db.Contacts.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync()).Select(c => $"{c.Id} {c.Version}"));
            rows.AddRange((await db.Activities.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToListAsync()).Select(a => $"{a.Id} {a.Version}"));
            rows.AddRange((await db.PlanSteps.AsNoTracking().Where(x => x.OrganisationId == organisationId).ToListAsync()).Select(x => $"{x.Id} {x.Version}"));
            rows.AddRange((await db.Outcomes.AsNoTracking().Where(o => o.OrganisationId == organisationId).ToListAsync()).Select(o => $"{o.Id} {o.Version}"));
            rows.AddRange((await db.FollowUps.AsNoTracking().Where(f => f.OrganisationId == organisationId).ToListAsync()).Select(f => $"{f.Id} {f.Version}"));
            return string.Join("\n", rows.Order(StringComparer.Ordinal));
        });

    [Fact]
    public async Task A_coach_gets_404_for_every_id_of_another_coachs_participant_and_changes_nothing()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var otherCoach = await _app.CreateUserAsync(Roles.Coach, project);
        var theirs = await ParticipantWithRecordsAsync(project, otherCoach);
        var client = await _app.ApiClientAsync(coach);
        var before = await SnapshotAsync(project.OrganisationId);

        foreach (var (method, url, body) in EveryIdEndpoint(theirs, project.Id, coach.Id))
        {
            var response = await SendAsync(client, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.Empty((await (await client.GetAsync("/api/v1/participants")).ReadAsync<ListPage<ParticipantSummary>>()).Items);
        Assert.Empty((await (await client.GetAsync("/api/v1/contacts")).ReadAsync<ListPage<ContactResponse>>()).Items);
        Assert.Equal(before, await SnapshotAsync(project.OrganisationId));
    }

    [Fact]
    public async Task The_owner_reaches_every_one_of_those_endpoints()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var records = await ParticipantWithRecordsAsync(project, coach);
        var client = await _app.ApiClientAsync(coach);

        // The same requests from the owner are not "not found" (the stale versions answer 409, the duplicate enrolment 400).
        foreach (var (method, url, body) in EveryIdEndpoint(records, project.Id, coach.Id))
        {
            var response = await SendAsync(client, method, url, body);
            Assert.True((int)response.StatusCode is 200 or 201 or 400 or 409, $"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    [Fact]
    public async Task An_evaluator_gets_403_on_every_read_and_write()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var records = await ParticipantWithRecordsAsync(project, coach);
        var evaluator = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.Evaluator, project));
        var before = await SnapshotAsync(project.OrganisationId);

        var requests = EveryIdEndpoint(records, project.Id, coach.Id)
            .Append((HttpMethod.Get, "/api/v1/participants", null))
            .Append((HttpMethod.Get, "/api/v1/contacts", null))
            .Append((HttpMethod.Post, "/api/v1/contacts", new
            {
                person = new { firstName = "Amal", lastName = "Omar", gender = "Woman", birthDate = "1990-05-17" },
                projectId = project.Id, contactedOn = "2025-08-01",
            }));
        foreach (var (method, url, body) in requests)
        {
            var response = await SendAsync(evaluator, method, url, body);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {url}: {(int)response.StatusCode}");
            await response.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(before, await SnapshotAsync(project.OrganisationId));
    }

    [Fact]
    public async Task A_project_manager_of_another_organisation_sees_nothing_of_this_one()
    {
        _app.Clock.Now = new DateTimeOffset(2025, 9, 1, 9, 0, 0, TimeSpan.Zero);
        var project = await _app.CreateProjectAsync();
        var records = await ParticipantWithRecordsAsync(project, await _app.CreateUserAsync(Roles.Coach, project));
        var elsewhere = await _app.CreateProjectAsync();
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, elsewhere);
        var client = await _app.ApiClientAsync(manager);

        foreach (var (method, url, body) in EveryIdEndpoint(records, elsewhere.Id, manager.Id))
            await (await SendAsync(client, method, url, body)).ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class SqliteAccessApiTests(SqliteApp app) : AccessApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAccessApiTests(PostgresApp app) : AccessApiTests<PostgresApp>(app);
