using Brobygge.Activities;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Calendar;

/// <summary>The coach's start page and week calendar in a real browser, checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class ComingUpBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private async Task<(User Coach, Brobygge.Enrolments.Enrolment Enrolment)> PlannedAsync()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach, firstName: "Leyla", enrolledOn: app.Clock.Today.AddMonths(-2));
        await app.WithDbAsync(async db =>
        {
            db.Activities.Add(new Activity
            {
                OrganisationId = project.OrganisationId, EnrolmentId = enrolment.Id, Kind = ActivityKind.Meeting, Status = ActivityStatus.Planned,
                OccurredOn = app.Clock.Today, StartsAt = new TimeOnly(13, 15),
            });
            await db.SaveChangesAsync();
        });
        return (coach, enrolment);
    }

    [Fact]
    public async Task The_start_page_shows_todays_meeting_and_records_it_as_held()
    {
        var (coach, enrolment) = await PlannedAsync();
        var page = await app.SignInAsync(coach);

        var today = page.Locator("h3:has-text('I dag') + ul.agenda").GetByRole(AriaRole.Listitem).Filter(new() { HasText = enrolment.Person!.LastName });
        await Assertions.Expect(today).ToContainTextAsync("13:15");
        await BrowserApp.AssertAccessibleAsync(page);

        await today.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Registrera som genomförd") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Registrera som genomförd", Level = 1 })).ToBeVisibleAsync();
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByLabel("Deltagartimmar").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera som genomförd" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Aktiviteten registrerades som genomförd.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_week_calendar_moves_to_the_next_week_and_back_without_script()
    {
        var (coach, enrolment) = await PlannedAsync();
        var page = await app.SignInAsync(coach);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" }).GetByRole(AriaRole.Link, new() { Name = "Kalender" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.agenda li").Filter(new() { HasText = enrolment.Person!.LastName })).ToContainTextAsync("13:15");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nästa vecka" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.agenda li").Filter(new() { HasText = enrolment.Person!.LastName })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Föregående vecka" }).ClickAsync();
        await Assertions.Expect(page.Locator("ul.agenda li").Filter(new() { HasText = enrolment.Person!.LastName })).ToHaveCountAsync(1);
    }
}
