using System.Text.RegularExpressions;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Brobygge.Tests.Assignments;

/// <summary>Assigning staff in a real browser, checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class AssignmentBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    [Fact]
    public async Task Staff_suggestions_put_a_shared_language_first_and_show_caseloads()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var somaliSpeaker = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach);
        await app.WithDbAsync(async db =>
        {
            (await db.Persons.SingleAsync(p => p.Id == enrolment.PersonId)).Languages = ["so"];
            (await db.Users.SingleAsync(u => u.Id == somaliSpeaker.Id)).Languages = ["so", "sv"];
            await db.SaveChangesAsync();
        });
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.ProjectManager, project));

        await page.GotoAsync($"/Enrolments/Assign/{enrolment.Id}");
        var coaches = page.GetByRole(AriaRole.Group, new() { Name = "Coach" }).GetByRole(AriaRole.Radio);
        await Assertions.Expect(coaches.First).ToHaveAccessibleNameAsync(new Regex("talar Somaliska"));
        await Check(page);
        await coaches.First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilldela som Coach" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tilldelningen sparades");
        var coachNow = await app.WithDbAsync((db, _) => db.Assignments.Where(a => a.EnrolmentId == enrolment.Id && a.Role == AssignmentRole.Coach && a.EndedOn == null).Select(a => a.StaffId).SingleAsync());
        Assert.Equal(somaliSpeaker.Id, coachNow);
    }
}
