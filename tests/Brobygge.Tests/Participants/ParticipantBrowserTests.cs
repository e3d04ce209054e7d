using System.Text.RegularExpressions;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Brobygge.Tests.Participants;

/// <summary>The participant forms in a real browser, every page checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class ParticipantBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    private static async Task SaveAsync(IPage page, string button = "Spara")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_bad_identity_number_is_named_next_to_the_field_and_nothing_is_saved()
    {
        var project = await app.CreateProjectAsync();
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.Coach, project));
        await page.GotoAsync("/Participants/Create");
        await page.GetByLabel("Förnamn").FillAsync("Omar");
        await page.GetByLabel("Efternamn").FillAsync("Felnummer");
        await page.GetByLabel("Man", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Personnummer", new() { Exact = true }).FillAsync("19820319-2384");
        await page.GetByLabel("Status vid start").SelectOptionAsync("Unemployed");
        await SaveAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Inget sparades");
        await Assertions.Expect(page.Locator("#Input_IdentityNumber_error")).ToContainTextAsync("Kontrollsiffran");
        await Check(page);
        Assert.Equal(0, await app.WithDbAsync((db, _) => db.Persons.CountAsync(p => p.LastName == "Felnummer")));
    }

    [Fact]
    public async Task A_concurrent_edit_is_shown_to_the_second_person_beside_what_they_typed()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var manager = await app.CreateUserAsync(Roles.ProjectManager, project);
        var enrolment = await app.CreateParticipantAsync(project, coach);
        var first = await app.SignInAsync(coach);
        var second = await app.SignInAsync(manager);
        await first.GotoAsync($"/Participants/Edit/{enrolment.PersonId}");
        await second.GotoAsync($"/Participants/Edit/{enrolment.PersonId}");

        await first.GetByLabel("Område").FillAsync("Dalhem");
        await SaveAsync(first);
        await second.GetByLabel("Område").FillAsync("Husensjö");
        await SaveAsync(second);

        await Assertions.Expect(second.GetByRole(AriaRole.Alert)).ToContainTextAsync("Någon annan sparade");
        // What the second person typed stays; what the first saved stands beside it.
        await Assertions.Expect(second.GetByLabel("Område")).ToHaveValueAsync("Husensjö");
        await Assertions.Expect(second.Locator("#Input_District_theirs")).ToHaveTextAsync("Sparat av någon annan: Dalhem");
        await Check(second);
    }
}
