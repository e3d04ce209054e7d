using System.Text.RegularExpressions;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Brobygge.Tests.FollowUps;

/// <summary>Follow-ups due on the start page in a real browser, checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed partial class FollowUpBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    [Fact]
    public async Task The_start_page_lists_follow_ups_due_and_overdue_for_the_coach()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach, enrolledOn: app.Clock.Today.AddMonths(-8));
        await app.WithDbAsync(async db =>
        {
            var tracked = await db.Enrolments.Include(e => e.FollowUps).Include(e => e.Periods).SingleAsync(e => e.Id == enrolment.Id);
            tracked.Exit(app.Clock.Today.AddDays(-40), ExitReason.Employed);
            await db.SaveChangesAsync();
        });

        var page = await app.SignInAsync(coach);

        // The four-week follow-up fell due twelve days ago: overdue, with the link to record it.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Försenat" })).ToBeVisibleAsync();
        var overdue = page.Locator("h3:has-text('Försenat') + ul.agenda").GetByRole(AriaRole.Listitem).Filter(new() { HasText = enrolment.Person!.LastName });
        await Assertions.Expect(overdue).ToContainTextAsync(FourWeeks());
        await Assertions.Expect(overdue.GetByRole(AriaRole.Link, new() { NameRegex = OverdueMark() })).ToBeVisibleAsync();
        await Check(page);
    }

    [GeneratedRegex("^Registrera")]
    private static partial Regex OverdueMark();

    [GeneratedRegex("4 veckor")]
    private static partial Regex FourWeeks();
}
