using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests.Participants;

/// <summary>The participant list: an identity number searched for never stands in a URL; paging and lists are bounded.</summary>
[Trait("Category", "Security")]
public abstract class ParticipantSearchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private static Dictionary<string, string> Registration(Guid projectId, string lastName, string languages = "ar, sv") => new()
    {
        ["Input.FirstName"] = "Nesrin", ["Input.LastName"] = lastName, ["Input.Gender"] = "Woman", ["Input.IdentityNumber"] = "19820319-2383",
        ["Input.Languages"] = languages, ["Enrolment.ProjectId"] = projectId.ToString(), ["Enrolment.EnrolledOn"] = "2025-02-03",
        ["Enrolment.StatusAtEntry"] = "LongTermUnemployed",
    };

    [Fact]
    public async Task The_search_is_posted_and_a_query_string_searches_nothing()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var lastName = "Sökbar" + Guid.NewGuid().ToString("N")[..4];
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(client, "/Participants/Create", Registration(project.Id, lastName))).StatusCode);
        var other = await _app.CreateParticipantAsync(project, coach);

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/Participants"));
        var byQueryString = WebUtility.HtmlDecode(await client.GetStringAsync("/Participants?q=198203192383&Q=198203192383"));
        var posted = await BrobyggeApp.PostFormAsync(client, "/Participants", new() { ["Q"] = "198203192383" });

        Assert.Contains("<form method=\"post\" action=\"/Participants\" class=\"search\"", list);
        Assert.Contains(other.Reference, byQueryString); // the number in the URL filtered nothing
        Assert.DoesNotContain("value=\"198203192383\"", byQueryString);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var results = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains(lastName, results);
        Assert.DoesNotContain(other.Reference, results);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("-2147483648")]
    [InlineData("0")]
    public async Task A_page_number_out_of_range_shows_the_first_page(string pageNumber)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await _app.CreateParticipantAsync(project, coach);
        var client = await _app.LoginAsync(coach);

        var response = await client.GetAsync($"/Participants?pageNumber={pageNumber}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(enrolment.Reference, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task More_than_twenty_languages_are_refused_with_the_field_named()
    {
        var project = await _app.CreateProjectAsync();
        var client = await _app.LoginAsync(await _app.CreateUserAsync(Roles.Coach, project));
        var languages = string.Join(", ", Enumerable.Range(0, 21).Select(i => $"a{(char)('a' + i)}"));

        var response = await BrobyggeApp.PostFormAsync(client, "/Participants/Create", Registration(project.Id, "Många", languages));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        FieldErrors.AssertNamed(page, "Input.Languages", "högst 20 språk");
        Assert.Equal(0, await _app.WithDbAsync((db, _) => db.Persons.CountAsync(p => p.OrganisationId == project.OrganisationId)));
    }
}

public sealed class SqliteParticipantSearchTests(SqliteApp app) : ParticipantSearchTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresParticipantSearchTests(PostgresApp app) : ParticipantSearchTests<PostgresApp>(app);
