using System.Text.RegularExpressions;
using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Brobygge.Tests.Browser;

/// <summary>The coach's daily work in a real browser, every page checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed partial class BrowserPagesTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    private static async Task SaveAsync(IPage page, string button = "Spara")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_an_accessible_login_form()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/Identity/Login");
        await page.GetByLabel("E-postadress").FillAsync("nobody@example.se");
        await page.GetByLabel("Lösenord").FillAsync("wrong-password-123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-postadressen eller lösenordet är fel");
        await Check(page);
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
    public async Task The_interface_switches_to_english_and_back()
    {
        var project = await app.CreateProjectAsync();
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.Coach, project));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("My caseload");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Check(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("Min ärendelista");
    }

    [Fact]
    public async Task A_concurrent_edit_is_shown_to_the_second_person_not_lost()
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
        await Assertions.Expect(second.GetByLabel("Område")).ToHaveValueAsync("Dalhem");
        await Check(second);
    }

    [Fact]
    public async Task The_start_page_lists_follow_ups_due_and_overdue_for_the_coach()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach, enrolledOn: app.Clock.Today.AddMonths(-8));
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Enrolments.Include(e => e.FollowUps).SingleAsync(e => e.Id == enrolment.Id);
            tracked.Exit(app.Clock.Today.AddDays(-40), ExitReason.Employed);
            await db.SaveChangesAsync();
        });

        var page = await app.SignInAsync(coach);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Uppföljningar att göra" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = enrolment.Person!.LastName })).ToContainTextAsync(OverdueMark());
        await Check(page);
    }

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
        await Assertions.Expect(coaches.First).ToHaveAccessibleNameAsync(new Regex("talar so"));
        await Check(page);
        await coaches.First.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilldela som Coach" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Tilldelningen sparades");
        var coachNow = await app.WithDbAsync((db, _) => db.Assignments.Where(a => a.EnrolmentId == enrolment.Id && a.Role == AssignmentRole.Coach && a.EndedOn == null).Select(a => a.StaffId).SingleAsync());
        Assert.Equal(somaliSpeaker.Id, coachNow);
    }

    [GeneratedRegex("försenad")]
    private static partial Regex OverdueMark();
}
