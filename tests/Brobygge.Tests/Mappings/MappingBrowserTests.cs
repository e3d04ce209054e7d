using Brobygge.Identity;
using Brobygge.Taxonomy;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Mappings;

/// <summary>The mapping pages in a real browser: the pick-list script, and WCAG 2.1 AA on every state of the pages.</summary>
[Trait("Category", "Browser")]
public abstract class MappingBrowserTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrowserApp
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    [Fact]
    public async Task A_coach_maps_a_participant_with_suggestions_from_the_taxonomy_and_sees_the_history()
    {
        app.SkipIfUnavailable();
        await BuiltInTaxonomy.EnsureLoadedAsync(app.Services); // start-up loads it on SQLite; `migrate` on PostgreSQL
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var enrolment = await app.CreateParticipantAsync(project, coach);
        var page = await app.SignInAsync(coach);
        await page.GotoAsync($"/Participants/Details/{enrolment.PersonId}");
        await Check(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Ny kartläggning" }).ClickAsync();
        await Check(page);

        // Search as you type: the built-in taxonomy answers through /taxonomy/search into a datalist.
        var occupation = page.GetByLabel("Yrke, rad 1");
        await occupation.PressSequentiallyAsync("kock");
        await Assertions.Expect(page.Locator("#Input_Experience_0_Occupation_picklist option[value='Kock, à la carte']")).ToHaveCountAsync(1);
        await occupation.FillAsync("Kock, à la carte");
        await page.GetByLabel("År, rad 1").FillAsync("70");
        await page.GetByLabel("Datum för kartläggningen").FillAsync("2025-03-10");
        await page.GetByLabel("Språkkod, rad 1").FillAsync("so");
        await page.GetByLabel("Nivå, rad 1").SelectOptionAsync("Native");
        await page.GetByLabel("Lägg till en kompetens").FillAsync("Storkök");
        await page.GetByLabel("B", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som version 1" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Inget sparades");
        await Assertions.Expect(page.GetByLabel("År, rad 1")).ToHaveAttributeAsync("aria-invalid", "true");
        await Check(page);

        await page.GetByLabel("År, rad 1").FillAsync("2,5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som version 1" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kartläggningen sparades");
        await Assertions.Expect(page.GetByText("Arbetslivserfarenhet: lade till Kock, à la carte (2,5 år)")).ToBeVisibleAsync();
        await Check(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Tillbaka till deltagaren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "1 version – se historiken" })).ToBeVisibleAsync();
        await Check(page);
    }
}

public sealed class SqliteMappingBrowserTests(SqliteBrowserApp app) : MappingBrowserTests<SqliteBrowserApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresMappingBrowserTests(PostgresBrowserApp app) : MappingBrowserTests<PostgresBrowserApp>(app);
