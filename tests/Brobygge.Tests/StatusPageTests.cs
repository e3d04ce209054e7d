using System.Net;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Tests;

/// <summary>A page that is not there, or not for the user, answers in the app's own layout with its status kept; the API
/// keeps answering ProblemDetails; a value that cannot be read is named in the user's words and kept as typed.</summary>
public sealed class StatusPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_unknown_page_answers_404_in_the_layout_with_a_way_back()
    {
        var project = await app.CreateProjectAsync();
        var client = await app.LoginAsync(await app.CreateUserAsync(Roles.Coach, project));

        var response = await client.GetAsync("/finns/inte");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Sidan finns inte</h1>", page);
        Assert.Contains("<nav aria-label=", page); // the layout, with the menu
        Assert.Contains("Tillbaka till startsidan", page);
    }

    [Fact]
    public async Task A_record_outside_the_users_access_answers_404_in_the_layout()
    {
        var project = await app.CreateProjectAsync();
        var client = await app.LoginAsync(await app.CreateUserAsync(Roles.Coach, project));

        var response = await client.GetAsync($"/Participants/Details/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Sidan finns inte</h1>", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_api_keeps_answering_problem_details()
    {
        var project = await app.CreateProjectAsync();
        var client = await app.ApiClientAsync(await app.CreateUserAsync(Roles.Coach, project));

        var response = await client.GetAsync($"/api/v1/activities/{Guid.NewGuid()}");

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("Sidan finns inte", problem.ToString());
    }

    [Fact]
    public async Task An_impossible_date_is_kept_as_typed_and_named_without_the_internal_field_name()
    {
        var project = await app.CreateProjectAsync();
        var client = await app.LoginAsync(await app.CreateUserAsync(Roles.BridgeBuilder, project));
        var before = await app.WithDbAsync((db, _) => db.Contacts.CountAsync(c => c.ProjectId == project.Id));

        var response = await BrobyggeApp.PostFormAsync(client, "/Contacts/Create", new()
        {
            ["Input.FirstName"] = "Samir", ["Input.LastName"] = "Haddad", ["Input.Gender"] = "Man", ["Input.BirthDate"] = "1990-01-01",
            ["Contact.ProjectId"] = project.Id.ToString(), ["Contact.ContactedOn"] = "2025-02-30",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("value=\"2025-02-30\"", page);
        FieldErrors.AssertNamed(page, "Contact.ContactedOn", "2025-02-30");
        Assert.DoesNotContain("ContactedOn", FieldErrors.Of(page, "Contact.ContactedOn"));
        Assert.DoesNotContain("ContactedOn", page.Replace("Contact.ContactedOn", "", StringComparison.Ordinal).Replace("Contact_ContactedOn", "", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync((db, _) => db.Contacts.CountAsync(c => c.ProjectId == project.Id)));
    }
}
