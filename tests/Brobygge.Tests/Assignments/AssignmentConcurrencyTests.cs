using System.Net;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Enrolments.AssignmentsApi;
using static Brobygge.Enrolments.EnrolmentsApi;

namespace Brobygge.Tests.Assignments;

/// <summary>
/// Simultaneous assignments through the real pipeline: one wins, the others are refused clearly (409), never a
/// 500, and the database keeps one current coach. PostgreSQL runs the requests truly in parallel; SQLite mostly
/// serialises them.
/// </summary>
public abstract class AssignmentConcurrencyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private const int Requests = 8;
    private const int Rounds = 3;
    private readonly TApp _app = app.Available();

    private Task<List<Guid>> CurrentCoachesAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.Assignments.Where(a => a.EnrolmentId == enrolmentId && a.Role == AssignmentRole.Coach && a.EndedOn == null)
            .Select(a => a.StaffId).ToListAsync());

    private Task<Guid> VersionAsync(Guid enrolmentId)
        => _app.WithDbAsync((db, _) => db.Enrolments.Where(e => e.Id == enrolmentId).Select(e => e.Version).SingleAsync());

    private async Task<(Guid Enrolment, User Manager, List<User> Coaches)> ParticipantWithCoachesAsync()
    {
        var project = await _app.CreateProjectAsync();
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, project);
        var coaches = new List<User>();
        for (var i = 0; i <= Requests; i++)
            coaches.Add(await _app.CreateUserAsync(Roles.Coach, project));
        var enrolment = await _app.CreateParticipantAsync(project, coaches[0]);
        return (enrolment.Id, manager, coaches);
    }

    [Fact]
    public async Task Simultaneous_assignments_from_the_same_version_make_one_coach_and_refuse_the_rest_with_409()
    {
        var (enrolment, manager, coaches) = await ParticipantWithCoachesAsync();
        var client = await _app.ApiClientAsync(manager);

        for (var round = 0; round < Rounds; round++)
        {
            var version = (await (await client.GetAsync($"/api/v1/enrolments/{enrolment}")).ReadAsync<EnrolmentResponse>()).Version;
            var current = Assert.Single(await CurrentCoachesAsync(enrolment));
            var candidates = coaches.Where(c => c.Id != current).Take(Requests).ToList();

            var responses = await Simultaneous.SendAsync(candidates.Select(c => (client, Simultaneous.Json(HttpMethod.Post,
                $"/api/v1/enrolments/{enrolment}/assignments", new { staffId = c.Id, role = "Coach", version }))).ToList());

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r != winner))
                await refused.ProblemAsync(HttpStatusCode.Conflict);
            var assigned = await winner.ReadAsync<AssignmentResponse>(HttpStatusCode.Created);
            Assert.Equal([assigned.StaffId], await CurrentCoachesAsync(enrolment));
        }
    }

    [Fact]
    public async Task Simultaneous_assignments_without_a_version_never_leave_two_current_coaches()
    {
        var (enrolment, manager, coaches) = await ParticipantWithCoachesAsync();
        var client = await _app.ApiClientAsync(manager);

        for (var round = 0; round < Rounds; round++)
        {
            var current = Assert.Single(await CurrentCoachesAsync(enrolment));
            var candidates = coaches.Where(c => c.Id != current).Take(Requests).ToList();

            var responses = await Simultaneous.SendAsync(candidates.Select(c => (client, Simultaneous.Json(HttpMethod.Post,
                $"/api/v1/enrolments/{enrolment}/assignments", new { staffId = c.Id, role = "Coach" }))).ToList());

            // Requests that read after another's save are handovers in their own right; the rest overlapped and are refused.
            var assigned = new List<Guid>();
            foreach (var response in responses)
                if (response.StatusCode == HttpStatusCode.Created)
                    assigned.Add((await response.ReadAsync<AssignmentResponse>(HttpStatusCode.Created)).StaffId);
                else
                    await response.ProblemAsync(HttpStatusCode.Conflict);
            Assert.NotEmpty(assigned);
            Assert.Contains(Assert.Single(await CurrentCoachesAsync(enrolment)), assigned);
        }
    }

    [Fact]
    public async Task Simultaneous_posts_of_the_assign_form_save_one_and_show_the_others_the_conflict()
    {
        var (enrolment, manager, coaches) = await ParticipantWithCoachesAsync();
        var client = await _app.LoginAsync(manager);

        for (var round = 0; round < Rounds; round++)
        {
            var version = await VersionAsync(enrolment);
            Assert.Contains($"name=\"Input.Version\" value=\"{version}\"", await client.GetStringAsync($"/Enrolments/Assign/{enrolment}"));
            var current = Assert.Single(await CurrentCoachesAsync(enrolment));
            var requests = new List<(HttpClient, HttpRequestMessage)>();
            foreach (var coach in coaches.Where(c => c.Id != current).Take(Requests))
                requests.Add((client, await Simultaneous.FormAsync(client, $"/Enrolments/Assign/{enrolment}", new()
                {
                    ["Input.Role"] = "Coach", ["Input.StaffId"] = coach.Id.ToString(), ["Input.Version"] = version.ToString(),
                })));

            var responses = await Simultaneous.SendAsync(requests);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                Assert.Contains("Någon annan ändrade deltagarens personal", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
            }
            Assert.Single(await CurrentCoachesAsync(enrolment));
        }
    }
}

public sealed class SqliteAssignmentConcurrencyTests(SqliteApp app) : AssignmentConcurrencyTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresAssignmentConcurrencyTests(PostgresApp app) : AssignmentConcurrencyTests<PostgresApp>(app);
