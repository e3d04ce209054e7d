using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Reports;

/// <summary>The project manager's dashboard and the report page in a real browser: charts drawn on the server, each
/// with its table, no script, and WCAG 2.1 AA by axe.</summary>
[Trait("Category", "Browser")]
public sealed class DashboardBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task The_start_page_shows_goals_funnel_retention_and_series_as_charts_with_tables_and_passes_axe()
    {
        var project = await app.CreateProjectAsync(CommandLineTesting.Unique("DSH"));
        await app.CreateParticipantAsync(project, enrolledOn: new DateOnly(2025, 1, 15));
        Assert.Equal(0, await app.RunCommandLineAsync("goals", "set", "--project", project.Code, "participants=10", "employed=4"));
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.ProjectManager, project));

        var dashboard = page.Locator("section.dashboard");
        await Assertions.Expect(dashboard).ToHaveCountAsync(1);
        await Assertions.Expect(dashboard.Locator("svg[role=img]")).ToHaveCountAsync(4);
        await Assertions.Expect(dashboard.Locator("figure table")).ToHaveCountAsync(4);
        await Assertions.Expect(dashboard.Locator("figure").First.Locator("table tbody tr")).ToHaveCountAsync(2);
        Assert.Equal(0, await page.Locator("script").CountAsync());
        await BrowserApp.AssertAccessibleAsync(page);

        await dashboard.GetByRole(AriaRole.Link, new() { Name = "Hela målrapporten" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Målrapport");
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
