using Brobygge.Identity;
using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Localization;

/// <summary>The language switch in a real browser, checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class CultureSwitchBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

    [Fact]
    public async Task The_interface_switches_to_english_and_back()
    {
        var project = await app.CreateProjectAsync();
        var page = await app.SignInAsync(await app.CreateUserAsync(Roles.Coach, project));

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("Coming up");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Check(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Svenska" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToContainTextAsync("På gång");
    }
}
