using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Administration;

/// <summary>The administrator's and project manager's pages, a correction and the status page in a real browser,
/// checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class HomesBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    [Fact]
    public async Task An_administrator_invites_a_user_and_opens_every_administration_page()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.Administrator, project, member: false));
        await Check(page);

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Användare" }).ClickAsync();
        await page.GetByLabel("E-postadress").FillAsync($"ny-{Guid.NewGuid():N}@test.brobygge.se");
        await page.GetByLabel("Roll").SelectOptionAsync(new SelectOptionValue { Label = "Coach" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Bjud in" }).ClickAsync();
        await Assertions.Expect(page.Locator("code.one-time-link")).ToContainTextAsync("/Identity/SetPassword?userId=");
        await Check(page);

        foreach (var path in new[] { $"/Administration/Account/{coach.Id}", "/Administration/Projects", $"/Administration/Project/{project.Id}", "/Administration/Organisation", "/Administration/Project" })
        {
            await page.GotoAsync(path);
            await Check(page);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice.error")).ToBeVisibleAsync(); // the empty new project, refused field by field
        await Check(page);
    }

    [Fact]
    public async Task A_project_manager_sees_their_team_page_and_a_missing_page_in_the_layout()
    {
        var project = await app.CreateProjectAsync();
        await app.CreateParticipantAsync(project);
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.ProjectManager, project));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Utan coach (1)" })).ToBeVisibleAsync();
        await Check(page);

        await page.GetByRole(AriaRole.Link, new() { Name = project.Name }).Last.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Samverkansparter" })).ToBeVisibleAsync();
        await Check(page);

        var missing = await page.GotoAsync("/finns/inte");
        Assert.Equal(404, missing!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sidan finns inte" })).ToBeVisibleAsync();
        await Check(page);
    }

    [Fact]
    public async Task A_coach_opens_an_activitys_correction_from_the_participants_page()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach);
        await app.WithDbAsync(async db =>
        {
            db.Activities.Add(new Brobygge.Activities.Activity { OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = Brobygge.Activities.ActivityKind.Meeting, OccurredOn = new DateOnly(2025, 3, 5) });
            await db.SaveChangesAsync();
        });
        var page = await app.SignInAsync(coach);

        await page.GotoAsync($"/Participants/Details/{enrolment.PersonId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "2025-03-05" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rätta en aktivitet" })).ToBeVisibleAsync();
        await Check(page);
    }
}
