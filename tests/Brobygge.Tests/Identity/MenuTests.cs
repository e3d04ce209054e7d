using System.Net;
using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests.Identity;

/// <summary>Menus and start pages show only what the role can open: they ask the pages' own policies
/// (<see cref="MenuAccess"/>), so every link a role is shown opens for it.</summary>
[Trait("Category", "Security")]
public sealed partial class MenuTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex(@"<a\b[^>]*\bhref=""(/[^""#]*)""")]
    private static partial Regex Link();

    [GeneratedRegex(@"<nav aria-label=""[^""]*"">(.*?)</nav>", RegexOptions.Singleline)]
    private static partial Regex Menu();

    [Theory]
    [InlineData(Roles.Coach)]
    [InlineData(Roles.BridgeBuilder)]
    [InlineData(Roles.ProjectManager)]
    [InlineData(Roles.EmployerLiaison)]
    [InlineData(Roles.PartnerLiaison)]
    [InlineData(Roles.Evaluator)]
    [InlineData(Roles.Administrator)]
    public async Task Every_link_of_a_roles_menu_and_start_page_opens_for_it(string role)
    {
        var project = await app.CreateProjectAsync();
        var user = await app.CreateUserAsync(role, project);
        await app.CreateParticipantAsync(project, role is Roles.Coach or Roles.BridgeBuilder ? user : null);
        var client = await app.LoginAsync(user);

        var start = await client.GetStringAsync("/");
        var links = Link().Matches(start).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(href => !href.StartsWith("/css/", StringComparison.Ordinal) && !href.StartsWith("/js/", StringComparison.Ordinal))
            .Distinct().ToList();
        var refused = new List<string>();
        foreach (var href in links)
        {
            var response = await client.GetAsync(href);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or >= HttpStatusCode.InternalServerError
                || BrobyggeApp.PathOf(response.Headers.Location).StartsWith("/Identity/AccessDenied", StringComparison.Ordinal))
                refused.Add($"{href}: {(int)response.StatusCode} {BrobyggeApp.PathOf(response.Headers.Location)}");
        }

        Assert.True(links.Count >= 2, $"found only {links.Count} links on the start page: the crawl is broken");
        Assert.True(refused.Count == 0, $"{role} is shown links it cannot open: " + string.Join(", ", refused));
    }

    [Fact]
    public async Task An_evaluator_is_shown_no_participants_contacts_or_administration_and_an_administrator_its_own_pages()
    {
        var project = await app.CreateProjectAsync();
        var evaluator = await (await app.LoginAsync(await app.CreateUserAsync(Roles.Evaluator, project))).GetStringAsync("/");
        var admin = await (await app.LoginAsync(await app.CreateUserAsync(Roles.Administrator, project))).GetStringAsync("/");
        var coach = await (await app.LoginAsync(await app.CreateUserAsync(Roles.Coach, project))).GetStringAsync("/");

        string[] MenuOf(string page) => Link().Matches(Menu().Match(page).Groups[1].Value).Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(["/", "/Reports"], MenuOf(evaluator));
        Assert.Equal(["/", "/Administration/Users", "/Administration/Projects"], MenuOf(admin));
        Assert.Equal(["/", "/Participants", "/Contacts", "/Calendar"], MenuOf(coach));
    }
}
