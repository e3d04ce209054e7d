using System.Net;
using Brobygge.Api;
using Brobygge.Identity;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using static Brobygge.Participants.ParticipantsApi;

namespace Brobygge.Tests.Api;

/// <summary>The input rules every request body and text parameter obeys (Api/ApiInputFilter): a 400 naming the JSON
/// field, never a 500, and nothing written.</summary>
[Trait("Category", "Security")]
public abstract class InputRulesApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
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
            + db.PlanSteps.Count(s => s.OrganisationId == organisationId) + db.Mappings.Count(m => m.OrganisationId == organisationId)));

    private static object Person(string firstName = "Amal", IEnumerable<string>? languages = null)
        => new { firstName, lastName = "Karimi", gender = "Woman", birthDate = "1990-05-17", languages };

    [Fact]
    public async Task A_null_mapping_answers_400_naming_the_field()
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var before = await RowsAsync(project.OrganisationId);

        var errors = await (await client.SendRawAsync(HttpMethod.Post, $"/api/v1/enrolments/{enrolment.Id}/mappings",
            """{"basedOn": 0, "mapping": null}""")).ValidationErrorsAsync();

        Assert.Equal(["mapping"], errors.Keys);
        Assert.Equal(before, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task Null_lists_and_null_list_items_in_a_mapping_answer_400_naming_each()
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach);

        var errors = await (await client.SendRawAsync(HttpMethod.Post, $"/api/v1/enrolments/{enrolment.Id}/mappings",
            """{"basedOn": 0, "mapping": {"mappedOn": "2025-08-01", "experience": null, "languages": [null], "drivingLicences": ["B", null]}}""")).ValidationErrorsAsync();

        Assert.Equal(["mapping.drivingLicences[1]", "mapping.experience", "mapping.languages[0]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_NUL_in_a_name_answers_400_naming_the_field_and_nothing_is_written()
    {
        var (project, _, client) = await CoachAsync();

        var errors = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = Person(firstName: "Am\0al"), projectId = project.Id, contactedOn = "2025-08-01", place = "Bibliotek\u001b[31m",
        })).ValidationErrorsAsync();

        Assert.Equal(["person.firstName", "place"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await RowsAsync(project.OrganisationId));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("9999-12-31")]
    public async Task An_implausible_date_answers_400_naming_the_field(string dueOn)
    {
        var (project, coach, client) = await CoachAsync();
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var before = await RowsAsync(project.OrganisationId);

        var errors = await (await client.PostJsonAsync($"/api/v1/enrolments/{enrolment.Id}/plan-steps",
            new { title = "Körkortsteori", dueOn, status = "Planned" })).ValidationErrorsAsync();

        Assert.Equal(["dueOn"], errors.Keys);
        Assert.Contains("1900-01-01", Assert.Single(errors["dueOn"]));
        Assert.Equal(before, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task Twenty_thousand_languages_answer_400_naming_the_list()
    {
        var (project, _, client) = await CoachAsync();

        var errors = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = Person(languages: Enumerable.Repeat("ar", 20_000)), projectId = project.Id, contactedOn = "2025-08-01",
        })).ValidationErrorsAsync();

        Assert.Equal(["person.languages"], errors.Keys);
        Assert.Equal(0, await RowsAsync(project.OrganisationId));
    }

    [Fact]
    public async Task More_than_twenty_distinct_languages_answer_400_naming_the_list()
    {
        var (project, _, client) = await CoachAsync();
        var codes = Enumerable.Range(0, 21).Select(i => $"a{(char)('a' + i)}");

        var errors = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = Person(languages: codes), projectId = project.Id, contactedOn = "2025-08-01",
        })).ValidationErrorsAsync();

        Assert.Equal(["person.languages"], errors.Keys);
    }

    [Theory]
    [InlineData("page=2147483647", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=-1", "pageSize")]
    public async Task Paging_out_of_range_answers_400_naming_the_parameter(string query, string field)
    {
        var (_, _, client) = await CoachAsync();

        foreach (var list in new[] { "participants", "contacts" })
            Assert.Equal([field], (await (await client.GetAsync($"/api/v1/{list}?{query}")).ValidationErrorsAsync()).Keys);
    }

    [Fact]
    public async Task An_identity_number_in_the_query_string_is_refused_and_found_by_the_posted_search()
    {
        var (project, coach, client) = await CoachAsync();
        var contact = await (await client.PostJsonAsync("/api/v1/contacts", new
        {
            person = new { firstName = "Sökbar", lastName = "Karimi", gender = "Man", identityNumber = "19820319-2383" },
            projectId = project.Id, contactedOn = "2025-08-01",
        })).ReadAsync<Brobygge.Contacts.ContactsApi.ContactResponse>(HttpStatusCode.Created);
        await client.PostJsonAsync($"/api/v1/participants/{contact.PersonId}/enrolments", new { projectId = project.Id, enrolledOn = "2025-08-15", statusAtEntry = "Inactive" });

        foreach (var number in new[] { "19820319-2383", "8203192383", "820319+2383" })
        {
            var errors = await (await client.GetAsync($"/api/v1/participants?q={Uri.EscapeDataString(number)}")).ValidationErrorsAsync();
            Assert.Contains("POST /api/v1/participants/search", Assert.Single(errors["q"]));
        }
        var found = await (await client.PostJsonAsync("/api/v1/participants/search", new { query = "198203192383" })).ReadAsync<ListPage<ParticipantSummary>>();
        var byName = await (await client.GetAsync("/api/v1/participants?q=s%C3%B6kbar")).ReadAsync<ListPage<ParticipantSummary>>();

        Assert.Equal(contact.PersonId, Assert.Single(found.Items).Id);
        Assert.Equal(contact.PersonId, Assert.Single(byName.Items).Id);
    }
}

public sealed class SqliteInputRulesApiTests(SqliteApp app) : InputRulesApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresInputRulesApiTests(PostgresApp app) : InputRulesApiTests<PostgresApp>(app);
