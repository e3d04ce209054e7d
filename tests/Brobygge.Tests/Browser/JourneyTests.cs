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
public sealed partial class JourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    private static async Task SaveAsync(IPage page, string button = "Spara")
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_coach_walks_a_participant_from_first_contact_to_the_six_month_follow_up()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var page = await app.SignInAsync(coach);
        await Check(page);
        var lastName = "Journey" + Guid.NewGuid().ToString("N")[..6];

        // Outreach: the contact, before any enrolment.
        await page.GetByRole(AriaRole.Link, new() { Name = "Kontakter", Exact = true }).ClickAsync();
        await Check(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera kontakt" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Förnamn").FillAsync("Hodan");
        await page.GetByLabel("Efternamn").FillAsync(lastName);
        await page.GetByLabel("Kvinna").CheckAsync();
        await page.GetByLabel("Födelsedatum").FillAsync("1991-04-12");
        await page.GetByLabel("Språk", new() { Exact = true }).FillAsync("so, sv");
        await page.GetByLabel("Datum för kontakten").FillAsync("2025-01-15");
        await page.GetByLabel("Språk vid kontakten").FillAsync("so");
        await page.GetByLabel("Plats").FillAsync("Biblioteket Drottninghög");
        await SaveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kontakten registrerades");
        await Check(page);

        // Enrolment.
        await page.GetByRole(AriaRole.Link, new() { Name = "Skriv in", Exact = true }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Inskriven").FillAsync("2025-02-03");
        await page.GetByLabel("Status vid start").SelectOptionAsync("LongTermUnemployed");
        await SaveAsync(page, "Skriv in");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Personen skrevs in");

        // The plan.
        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt steg i planen" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Steg", new() { Exact = true }).FillAsync("Ansöka om bedömning av examen hos UHR");
        await page.GetByLabel("Vem gör det").FillAsync("Hodan med coach");
        await page.GetByLabel("Klart senast").FillAsync("2025-03-31");
        await SaveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ansöka om bedömning av examen hos UHR" })).ToBeVisibleAsync();

        // An activity with an interpreter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera aktivitet" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Aktivitet", new() { Exact = true }).SelectOptionAsync("Meeting");
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2025-02-10");
        await page.GetByLabel("Språk som användes").FillAsync("so");
        await page.GetByLabel("Tolk deltog").CheckAsync();
        await SaveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aktiviteten sparades");

        // An internship.
        await page.GetByRole(AriaRole.Link, new() { Name = "Starta praktik" }).ClickAsync();
        await page.GetByLabel("Datum", new() { Exact = true }).FillAsync("2025-03-03");
        await page.GetByLabel("Sista dag").FillAsync("2025-04-25");
        await page.GetByLabel("Arbetsgivare").FillAsync("ICA Maxi Helsingborg");
        await page.GetByLabel("Handledare").FillAsync("Lena Persson");
        await SaveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "ICA Maxi Helsingborg (Lena Persson)" })).ToBeVisibleAsync();

        // The job.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera arbete eller studier" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Resultat").SelectOptionAsync("Employment");
        await page.GetByLabel("Startdatum").FillAsync("2025-05-01");
        await page.GetByLabel("Arbetsgivare").FillAsync("ICA Maxi Helsingborg");
        await page.GetByLabel("Anställningsform").SelectOptionAsync("FixedTerm");
        await page.GetByLabel("Timmar per vecka").FillAsync("30");
        await SaveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Resultatet sparades");

        // Exit: both follow-ups are scheduled.
        await page.GetByRole(AriaRole.Link, new() { Name = "Avsluta deltagandet" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Datum för avslut").FillAsync("2025-05-02");
        await page.GetByLabel("Orsak").SelectOptionAsync("Employed");
        await SaveAsync(page, "Avsluta deltagandet");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2025-05-30" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2025-11-02" })).ToBeVisibleAsync();
        await Check(page);

        // The six-month follow-up.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrera 6 månader efter avslut" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Datum för uppföljningen").FillAsync("2025-11-05");
        await page.GetByLabel("Arbetar eller studerar personen?").SelectOptionAsync("Employed");
        await page.GetByLabel("Samma arbetsgivare som vid avslut?").SelectOptionAsync("true");
        await page.GetByLabel("Hur nåddes personen?").SelectOptionAsync("Phone");
        await SaveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Uppföljningen sparades");
        await Check(page);

        var enrolment = await app.WithDbAsync((db, _) => db.Enrolments.AsNoTracking().SingleAsync(e => e.Person!.LastName == lastName));
        Assert.Equal(new DateOnly(2025, 1, 15), enrolment.ContactedOn);
        Assert.Equal(new DateOnly(2025, 2, 10), enrolment.FirstActivityOn);
        Assert.Equal(new DateOnly(2025, 3, 3), enrolment.FirstInternshipOn);
        Assert.Equal(new DateOnly(2025, 5, 1), enrolment.FirstJobOn);
        Assert.Equal(new DateOnly(2025, 5, 2), enrolment.ExitedOn);
        Assert.Equal(FollowUpStatus.Employed, enrolment.FollowUp6mStatus);
        Assert.Equal(new DateOnly(2025, 11, 5), enrolment.FollowUp6mOn);
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
