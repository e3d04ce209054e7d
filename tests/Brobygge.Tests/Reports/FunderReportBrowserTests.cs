using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Leaving;
using Brobygge.Participants;
using Brobygge.Projects;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;
using static Brobygge.Tests.Reports.FunderCohort;

namespace Brobygge.Tests.Reports;

/// <summary>The funder report, the snapshot button, the evaluator's start page and the microdata page in a real
/// browser, each checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class FunderReportBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    private async Task<Project> CohortAsync()
    {
        var project = await ProjectAsync(app, FunderProfileKind.EsfPlus2021);
        var today = app.Clock.Today;
        for (var i = 0; i < 6; i++)
            await EnrolAsync(app, project, new(i % 2 == 0 ? Gender.Woman : Gender.Man, 20 + i * 7, i, LabourStatusAtEntry.Unemployed, ["SY"], "SY",
                EnrolledOn: today.AddMonths(-10), ExitedOn: today.AddMonths(-8), Special: (SpecialAnswer.No, SpecialAnswer.DeclinedToAnswer, SpecialAnswer.No),
                UponLeaving: [(LeavingSituationKind.InWork, today.AddMonths(-8).AddDays(3))], SixMonths: (today.AddMonths(-2), FollowUpStatus.Employed),
                Municipality: "1283"));
        return project;
    }

    [Fact]
    public async Task The_project_manager_reads_the_funder_report_and_keeps_it_as_a_snapshot()
    {
        var project = await CohortAsync();
        var manager = await app.CreateUserAsync(Roles.ProjectManager, project);

        var page = await app.SignInAsync(manager);
        await page.GotoAsync($"/Reports/Funder?ProjectId={project.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Finansiärsrapport");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "I arbete, inklusive egenföretagande, vid avslut" })).ToContainTextAsync("6");
        await Check(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Spara som skickad till finansiären (ögonblicksbild)" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Rapporten sparades som ögonblicksbild.");
        await Assertions.Expect(page.GetByText("0 siffra/siffror har ändrats sedan dess")).ToBeVisibleAsync();
        await Check(page);
    }

    [Fact]
    public async Task The_evaluator_starts_at_the_reports_and_the_microdata_export()
    {
        var project = await CohortAsync();
        var evaluator = await app.CreateUserAsync(Roles.Evaluator, project);

        var page = await app.SignInAsync(evaluator);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rapporter och exporter för utvärdering" })).ToBeVisibleAsync();
        await Check(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Mikrodata för utvärdering" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mikrodata för utvärdering");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Ålder vid inträde efter kön" })).ToBeVisibleAsync();
        await Check(page);

        await page.GetByLabel("Exportnyckel").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ladda ner mikrodata" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ange en exportnyckel på minst 16 tecken")).ToBeVisibleAsync();
        await Check(page);

        await page.GotoAsync($"/Reports/Funder?ProjectId={project.Id}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Finansiärsrapport");
        await Check(page);
    }
}
