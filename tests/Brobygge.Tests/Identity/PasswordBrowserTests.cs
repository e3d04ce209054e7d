using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Identity;

/// <summary>The password pages in a real browser, each checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed partial class PasswordBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    [Fact]
    public async Task A_user_changes_their_password_from_the_link_by_their_name_and_a_mistake_is_named_at_its_field()
    {
        var project = await app.CreateProjectAsync();
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.Coach, project));

        await page.GetByRole(AriaRole.Link, new() { Name = "Byt lösenord" }).ClickAsync();
        await page.GetByLabel("Nuvarande lösenord", new() { Exact = true }).FillAsync(BrobyggeApp.Password);
        await page.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync("New-password-456");
        await page.GetByLabel("Nytt lösenord igen", new() { Exact = true }).FillAsync("New-password-457");
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt lösenord" }).ClickAsync();

        await Assertions.Expect(page.Locator("[data-valmsg-for=ConfirmPassword]")).ToHaveTextAsync("De två nya lösenorden är inte likadana.");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByLabel("Nuvarande lösenord", new() { Exact = true }).FillAsync(BrobyggeApp.Password);
        await page.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync("New-password-456");
        await page.GetByLabel("Nytt lösenord igen", new() { Exact = true }).FillAsync("New-password-456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Byt lösenord" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ditt lösenord är bytt.");
    }

    [Fact]
    public async Task An_invited_user_chooses_a_password_through_the_link_and_logs_in_with_it()
    {
        var project = await app.CreateProjectAsync();
        var email = $"invited-{Guid.NewGuid():N}@test.brobygge.se";
        var (_, output, _) = await app.RunCommandLineWithOutputAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code);
        var link = new Uri(Regex.Match(output, @"^(http\S+)$", RegexOptions.Multiline).Groups[1].Value);
        var page = await app.NewPageAsync();

        await page.GotoAsync(link.PathAndQuery);
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByLabel("Nytt lösenord", new() { Exact = true }).FillAsync("Chosen-password-789");
        await page.GetByLabel("Nytt lösenord igen", new() { Exact = true }).FillAsync("Chosen-password-789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara lösenordet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ditt lösenord är sparat.");
        await page.GetByLabel("E-postadress").FillAsync(email);
        await page.GetByLabel("Lösenord").FillAsync("Chosen-password-789");
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        await page.WaitForURLAsync(url => !url.Contains("/Identity/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Byt lösenord" })).ToBeVisibleAsync();
    }
}
