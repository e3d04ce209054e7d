using System.Net;
using Brobygge.Api;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using static Brobygge.Contacts.ContactsApi;
using static Brobygge.Enrolments.EnrolmentsApi;
using static Brobygge.Participants.ParticipantsApi;

namespace Brobygge.Tests.Participants;

/// <summary>The participant list and search through the API.</summary>
public abstract class ParticipantsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static DateOnly Date(int year, int month, int day) => new(year, month, day);

    private void Today(DateOnly date) => _app.Clock.Now = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    [Fact]
    public async Task Lists_page_and_search_by_name_and_identity_number()
    {
        Today(Date(2025, 9, 1));
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.ApiClientAsync(coach);
        for (var i = 0; i < 3; i++)
            await _app.CreateParticipantAsync(project, coach, firstName: "Person" + i);
        var contact = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = "Sökbar", lastName = "Karimi", gender = "Man", identityNumber = "19820319-2383" },
            projectId = project.Id, contactedOn = "2025-08-01",
        })).ReadAsync<ContactResponse>(HttpStatusCode.Created);
        await (await client.PostJsonAsync($"/api/v1/participants/{contact.PersonId}/enrolments",
            new { projectId = project.Id, enrolledOn = "2025-08-15", statusAtEntry = "Inactive" })).ReadAsync<EnrolmentResponse>(HttpStatusCode.Created);

        var first = await (await client.GetAsync("/api/v1/participants?pageSize=3")).ReadAsync<ListPage<ParticipantSummary>>();
        var second = await (await client.GetAsync("/api/v1/participants?pageSize=3&page=2")).ReadAsync<ListPage<ParticipantSummary>>();
        var byNumber = await (await client.PostJsonAsync("/api/v1/participants/search", new { query = "198203192383" })).ReadAsync<ListPage<ParticipantSummary>>();
        var byName = await (await client.GetAsync("/api/v1/participants?q=s%C3%B6kbar%20kar")).ReadAsync<ListPage<ParticipantSummary>>();
        var badPage = await client.GetAsync("/api/v1/participants?page=0&pageSize=1000");

        Assert.Equal(3, first.Items.Count);
        Assert.True(first.HasMore);
        Assert.Single(second.Items);
        Assert.False(second.HasMore);
        Assert.Equal(contact.PersonId, Assert.Single(byNumber.Items).Id);
        Assert.Equal(contact.PersonId, Assert.Single(byName.Items).Id);
        Assert.Equal(["page", "pageSize"], (await badPage.ValidationErrorsAsync()).Keys.Order());
    }
}

public sealed class SqliteParticipantsApiTests(SqliteApp app) : ParticipantsApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresParticipantsApiTests(PostgresApp app) : ParticipantsApiTests<PostgresApp>(app);
