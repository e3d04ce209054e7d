using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Participants;

/// <summary>The caseload list filtered and exported in a real browser, checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class CaseloadBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task The_coach_filters_the_list_on_no_recent_contact_and_exports_it()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var unmet = await app.CreateParticipantAsync(project, coach, firstName: "Unmet", enrolledOn: app.Clock.Today.AddDays(-60));
        var page = await app.SignInAsync(coach);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Deltagare" }).ClickAsync();
        await page.GetByLabel("Ingen kontakt på 30 dagar").CheckAsync();
        await page.GetByLabel("Sortera efter").SelectOptionAsync(new SelectOptionValue { Label = "Senaste kontakt (äldst först)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Visa" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = unmet.Person!.LastName });
        await Assertions.Expect(row).ToContainTextAsync("Ingen kontakt på 30 dagar");
        await Assertions.Expect(row).ToContainTextAsync("(1990)");
        await BrowserApp.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Exportera listan till Excel (XLSX)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
    }
}
