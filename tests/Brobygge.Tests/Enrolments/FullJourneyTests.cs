using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Brobygge.Tests.Enrolments;

/// <summary>The coach's whole journey with a participant in a real browser, on each database, every page
/// checked for WCAG 2.1 A and AA.</summary>
[Trait("Category", "Browser")]
public abstract class FullJourneyTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrowserApp
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
        app.SkipIfUnavailable();
        await BuiltInTaxonomy.EnsureLoadedAsync(app.Services); // start-up loads it on SQLite; `migrate` on PostgreSQL
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

        // Competence mapping, with an occupation from the taxonomy.
        await page.GetByRole(AriaRole.Link, new() { Name = "Ny kartläggning" }).ClickAsync();
        await Check(page);
        await page.GetByLabel("Datum för kartläggningen").FillAsync("2025-02-05");
        await page.GetByLabel("Yrke, rad 1").FillAsync("Kock, à la carte");
        await page.GetByLabel("År, rad 1").FillAsync("3");
        await page.GetByLabel("Nivå, rad 2").SelectOptionAsync("Good"); // Swedish: the coach assesses the level
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som version 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kartläggningen sparades");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till deltagaren" }).ClickAsync();

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
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "2025-11-03" })).ToBeVisibleAsync();
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
        Assert.Equal(new DateOnly(2025, 2, 5), enrolment.MappedOn);
        Assert.Equal(new DateOnly(2025, 2, 10), enrolment.FirstActivityOn);
        Assert.Equal(new DateOnly(2025, 3, 3), enrolment.FirstInternshipOn);
        Assert.Equal(new DateOnly(2025, 5, 1), enrolment.FirstJobOn);
        Assert.Equal(new DateOnly(2025, 5, 2), enrolment.ExitedOn);
        Assert.Equal(FollowUpStatus.Employed, enrolment.FollowUp6mStatus);
        Assert.Equal(new DateOnly(2025, 11, 5), enrolment.FollowUp6mOn);
    }

}

public sealed class SqliteFullJourneyTests(SqliteBrowserApp app) : FullJourneyTests<SqliteBrowserApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresFullJourneyTests(PostgresBrowserApp app) : FullJourneyTests<PostgresBrowserApp>(app);
