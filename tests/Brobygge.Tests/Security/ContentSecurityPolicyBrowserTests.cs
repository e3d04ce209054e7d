using Brobygge.Identity;
using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Security;

/// <summary>The policy forbids inline script and style: in a real browser no page trips over it, the pick-list
/// script still runs, and axe-core (which Playwright injects through the debugging protocol) still checks the page.</summary>
[Trait("Category", "Browser")]
[Trait("Category", "Security")]
public sealed class ContentSecurityPolicyBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task A_coach_goes_through_the_pages_without_a_single_policy_violation()
    {
        app.SkipIfUnavailable();
        await BuiltInTaxonomy.EnsureLoadedAsync(app.Services);
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach);
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                violations.Add($"{page.Url}: {message.Text}");
        };

        await page.GotoAsync("/");
        await page.GetByLabel("E-postadress").FillAsync(coach.Email!);
        await page.GetByLabel("Lösenord").FillAsync(BrobyggeApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Identity/Login", StringComparison.Ordinal));
        foreach (var path in new[] { "/", "/Participants", "/Contacts", $"/Participants/Details/{enrolment.PersonId}", $"/Outcomes/New/{enrolment.Id}" })
        {
            await page.GotoAsync(path);
            await BrowserApp.AssertAccessibleAsync(page);
        }
        await page.GotoAsync($"/Mappings/New/{enrolment.Id}");
        await page.GetByLabel("Yrke, rad 1").PressSequentiallyAsync("kock");
        await Assertions.Expect(page.Locator("#Input_Experience_0_Occupation_picklist option[value='Kock, à la carte']")).ToHaveCountAsync(1);
        await BrowserApp.AssertAccessibleAsync(page);

        Assert.Empty(violations);
    }
}
