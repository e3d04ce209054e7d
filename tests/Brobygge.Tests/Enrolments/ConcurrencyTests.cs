using System.Net;
using Brobygge.Auditing;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Brobygge.Contacts.ContactsApi;
using static Brobygge.Enrolments.EnrolmentsApi;

namespace Brobygge.Tests.Enrolments;

/// <summary>
/// Simultaneous enrolments through the real pipeline: one wins, the others are refused clearly (409, or 400
/// naming the field), never a 500, and the database keeps its rules — one current coach, one reference per
/// participant. PostgreSQL runs the requests truly in parallel; SQLite mostly serialises them.
/// </summary>
public abstract class ConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private const int Requests = 8;
    private const int Rounds = 3;
    private readonly TApp _app = app.Available();

    private Task<List<Guid>> CurrentCoachesAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.Assignments.Where(a => a.EnrolmentId == enrolmentId && a.Role == AssignmentRole.Coach && a.EndedOn == null)
            .Select(a => a.StaffId).ToListAsync());

    [Fact]
    public async Task Re_entry_by_a_bridge_builder_who_is_also_a_coach_keeps_the_one_current_coach()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var bridgeBuilder = await _app.CreateUserAsync(Roles.BridgeBuilder, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach, enrolledOn: new DateOnly(2025, 1, 10));
        await _app.WithDbAsync(async (db, services) =>
        {
            await services.GetRequiredService<UserManager<User>>().AddToRoleAsync(await db.Users.SingleAsync(u => u.Id == bridgeBuilder.Id), Roles.Coach);
            db.Assignments.Add(new Assignment { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, StaffId = bridgeBuilder.Id, Role = AssignmentRole.BridgeBuilder, StartedOn = enrolment.EnrolledOn });
            (await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == enrolment.Id)).Exit(new DateOnly(2025, 4, 1), ExitReason.Moved);
            await db.SaveChangesAsync();
            return 0;
        });

        var response = await (await _app.ApiClientAsync(bridgeBuilder)).PostJsonAsync($"/api/v1/participants/{enrolment.PersonId}/enrolments",
            new { projectId = project.Id, enrolledOn = "2025-09-01", statusAtEntry = "Unemployed" });

        Assert.Null((await response.ReadAsync<EnrolmentResponse>()).ExitedOn);
        Assert.Equal([coach.Id], await CurrentCoachesAsync(enrolment.Id));
    }

    private static async Task<List<Guid>> ContactsAsync(HttpClient client, Guid projectId, int count)
    {
        var persons = new List<Guid>();
        for (var i = 0; i < count; i++)
            persons.Add((await (await client.PostJsonAsync("/api/v1/contacts", new
            {
                person = new { firstName = "Samtidig", lastName = "Kontakt" + i, gender = "Man", birthDate = "1990-01-01" },
                projectId, contactedOn = "2025-03-01",
            })).ReadAsync<ContactResponse>(HttpStatusCode.Created)).PersonId);
        return persons;
    }

    private static object Enrolment(Guid projectId, string? reference = null)
        => new { projectId, enrolledOn = "2025-03-03", statusAtEntry = "Unemployed", reference };

    [Fact]
    public async Task Simultaneous_enrolments_in_one_project_each_get_their_own_automatic_reference()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));

        for (var round = 0; round < Rounds; round++)
        {
            var persons = await ContactsAsync(client, project.Id, Requests);

            var responses = await Simultaneous.SendAsync(persons.Select(p => (client, Simultaneous.Json(HttpMethod.Post,
                $"/api/v1/participants/{p}/enrolments", Enrolment(project.Id)))).ToList());

            foreach (var response in responses)
                await response.ReadAsync<EnrolmentResponse>(HttpStatusCode.Created);
            var references = await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.ProjectId == project.Id).Select(e => e.Reference).ToListAsync());
            Assert.Equal(Enumerable.Range(1, (round + 1) * Requests).Select(n => $"P-{n:0000}"), references.Order(StringComparer.Ordinal));
            // A save tried again after a taken reference is audited once, as the one write it is.
            Assert.Equal((round + 1) * Requests, await _app.WithDbAsync((db, _) => db.AuditEvents.CountAsync(a =>
                a.OrganisationId == project.OrganisationId && a.EntityType == nameof(Brobygge.Enrolments.Enrolment) && a.Action == AuditAction.Create)));
        }
    }

    [Fact]
    public async Task Simultaneous_enrolments_with_the_same_reference_give_it_to_one_and_name_the_reference_to_the_rest()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));

        for (var round = 0; round < Rounds; round++)
        {
            var persons = await ContactsAsync(client, project.Id, Requests);
            var reference = $"SAMMA-{round}";

            var responses = await Simultaneous.SendAsync(persons.Select(p => (client, Simultaneous.Json(HttpMethod.Post,
                $"/api/v1/participants/{p}/enrolments", Enrolment(project.Id, reference)))).ToList());

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r != winner))
                Assert.Equal(["reference"], (await refused.ValidationErrorsAsync()).Keys);
            var enrolled = await winner.ReadAsync<EnrolmentResponse>(HttpStatusCode.Created);
            var holders = await _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.ProjectId == project.Id && e.Reference == reference).Select(e => e.PersonId).ToListAsync());
            Assert.Equal([enrolled.PersonId], holders);
            Assert.Equal(round + 1, await _app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e => e.ProjectId == project.Id)));
        }
    }

    [Fact]
    public async Task Simultaneous_enrolments_of_one_person_enrol_them_once_and_refuse_the_rest()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.ApiClientAsync(await _app.CreateUserAsync(Roles.ProjectManager, project));

        for (var round = 0; round < Rounds; round++)
        {
            var person = Assert.Single(await ContactsAsync(client, project.Id, 1));

            var responses = await Simultaneous.SendAsync(Enumerable.Range(0, Requests).Select(_ => (client, Simultaneous.Json(HttpMethod.Post,
                $"/api/v1/participants/{person}/enrolments", Enrolment(project.Id)))).ToList());

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r != winner))
                if (refused.StatusCode == HttpStatusCode.BadRequest)
                    Assert.Equal(["projectId"], (await refused.ValidationErrorsAsync()).Keys);
                else
                    await refused.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal(1, await _app.WithDbAsync((db, _) => db.Enrolments.CountAsync(e => e.PersonId == person)));
        }
    }
}

public sealed class SqliteConcurrencyTests(SqliteApp app) : ConcurrencyTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresConcurrencyTests(PostgresApp app) : ConcurrencyTests<PostgresApp>(app);
