using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Brobygge.Contacts.ContactsApi;

namespace Brobygge.Tests.Participants;

/// <summary>
/// One person per identity number in an organisation, also when the same number is registered from several
/// places at the same moment; and the refusal says only what the user may know: that the number cannot be used,
/// unless they can see the person who has it.
/// </summary>
[Trait("Category", "Security")]
public abstract class IdentityNumberDuplicateTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private const int Requests = 8;
    private const int Rounds = 3;
    private const string CannotBeUsed = "This identity number cannot be used here. Ask the project manager for help.";
    private const string SeenElsewhere = "A person you can see already has this identity number: search for it to open their page.";
    private readonly TApp _app = app.Available();

    private Task<int> HoldersAsync(Guid organisationId, string number)
        => _app.WithDbAsync(async (db, services) =>
        {
            var index = await services.GetRequiredService<IdentityNumberProtector>().IndexAsync(
                PersonalIdentityNumber.Parse(number, new DateOnly(2026, 1, 1)), CancellationToken.None);
            return await db.Persons.CountAsync(p => p.OrganisationId == organisationId && p.IdentityNumberIndex == index);
        });

    private static object Contact(Guid projectId, string number, int i) => new
    {
        person = new { firstName = "Samtidig", lastName = "Person" + i, gender = "Woman", identityNumber = number },
        projectId, contactedOn = "2025-03-01",
    };

    private static Dictionary<string, string> ParticipantForm(Guid projectId, string number, int i) => new()
    {
        ["Input.FirstName"] = "Samtidig", ["Input.LastName"] = "Deltagare" + i, ["Input.Gender"] = "Woman",
        ["Input.IdentityNumber"] = number, ["Input.BirthDate"] = "", ["Input.Languages"] = "ar",
        ["Enrolment.ProjectId"] = projectId.ToString(), ["Enrolment.EnrolledOn"] = "2025-02-03", ["Enrolment.StatusAtEntry"] = "Unemployed",
    };

    private async Task<(Guid Project, Guid Organisation, List<User> Coaches)> CoachesAsync()
    {
        var project = await _app.CreateProjectAsync();
        var coaches = new List<User>();
        for (var i = 0; i < Requests; i++)
            coaches.Add(await _app.CreateUserAsync(Roles.Coach, project));
        return (project.Id, project.OrganisationId, coaches);
    }

    [Fact]
    public async Task Simultaneous_registrations_of_one_identity_number_keep_one_person_and_name_the_field_for_the_rest()
    {
        var (project, organisation, coaches) = await CoachesAsync();
        var clients = new List<HttpClient>();
        foreach (var coach in coaches)
            clients.Add(await _app.ApiClientAsync(coach));

        for (var round = 0; round < Rounds; round++)
        {
            var number = Simultaneous.IdentityNumber(100 + round);

            var responses = await Simultaneous.SendAsync(clients.Select((client, i) =>
                (client, Simultaneous.Json(HttpMethod.Post, "/api/v1/contacts", Contact(project, number, i)))).ToList());

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            await winner.ReadAsync<ContactResponse>(HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r != winner))
            {
                var errors = await refused.ValidationErrorsAsync();
                Assert.Equal(["person.identityNumber"], errors.Keys);
                // A contact's person is seen by the project's coaches until enrolled, so either message may come;
                // neither names the person.
                Assert.Contains(Assert.Single(errors["person.identityNumber"]), new[] { CannotBeUsed, SeenElsewhere });
            }
            Assert.Equal(1, await HoldersAsync(organisation, number));
        }
    }

    [Fact]
    public async Task Simultaneous_posts_of_the_participant_form_with_one_identity_number_register_one_and_name_the_field_for_the_rest()
    {
        var (project, organisation, coaches) = await CoachesAsync();
        var clients = new List<HttpClient>();
        foreach (var coach in coaches)
            clients.Add(await _app.LoginAsync(coach));

        for (var round = 0; round < Rounds; round++)
        {
            var number = Simultaneous.IdentityNumber(200 + round);
            var requests = new List<(HttpClient, HttpRequestMessage)>();
            for (var i = 0; i < clients.Count; i++)
                requests.Add((clients[i], await Simultaneous.FormAsync(clients[i], "/Participants/Create", ParticipantForm(project, number, i))));

            var responses = await Simultaneous.SendAsync(requests);

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
            {
                Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
                var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
                // The enrolled person is the winner's alone: the others may not know of them.
                FieldErrors.AssertNamed(page, "Input.IdentityNumber", "Det här personnumret kan inte användas här");
                Assert.DoesNotContain("redan registrerad", page);
            }
            Assert.Equal(1, await HoldersAsync(organisation, number));
        }
    }

    [Fact]
    public async Task A_coach_who_cannot_see_the_holder_of_a_number_is_told_only_that_it_cannot_be_used()
    {
        var (project, organisation, coaches) = await CoachesAsync();
        var number = Simultaneous.IdentityNumber(300);
        var first = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coaches[0]), "/Participants/Create", ParticipantForm(project, number, 0));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var onPage = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coaches[1]), "/Participants/Create", ParticipantForm(project, number, 1));
        var inApi = await (await _app.ApiClientAsync(coaches[1])).PostJsonAsync("/api/v1/contacts", Contact(project, number, 1));

        var page = WebUtility.HtmlDecode(await onPage.Content.ReadAsStringAsync());
        FieldErrors.AssertNamed(page, "Input.IdentityNumber", "Det här personnumret kan inte användas här. Fråga projektledaren om hjälp.");
        Assert.DoesNotContain("redan registrerad", page);
        Assert.DoesNotContain("Deltagare0", page);
        Assert.Equal([CannotBeUsed], (await inApi.ValidationErrorsAsync())["person.identityNumber"]);
        Assert.Equal(1, await HoldersAsync(organisation, number));
    }

    [Fact]
    public async Task A_project_manager_who_sees_the_holder_of_a_number_is_told_that_they_are_registered()
    {
        var (project, organisation, coaches) = await CoachesAsync();
        var manager = await _app.CreateUserAsync(Roles.ProjectManager, (await _app.WithDbAsync((db, _) => db.Projects.SingleAsync(p => p.Id == project))));
        var number = Simultaneous.IdentityNumber(400);
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(await _app.LoginAsync(coaches[0]), "/Participants/Create", ParticipantForm(project, number, 0))).StatusCode);

        var response = await BrobyggeApp.PostFormAsync(await _app.LoginAsync(manager), "/Participants/Create", ParticipantForm(project, number, 1));

        FieldErrors.AssertNamed(await response.Content.ReadAsStringAsync(), "Input.IdentityNumber", "En person som du kan se har redan det här personnumret");
        Assert.Equal(1, await HoldersAsync(organisation, number));
    }
}

public sealed class SqliteIdentityNumberDuplicateTests(SqliteApp app) : IdentityNumberDuplicateTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresIdentityNumberDuplicateTests(PostgresApp app) : IdentityNumberDuplicateTests<PostgresApp>(app);
