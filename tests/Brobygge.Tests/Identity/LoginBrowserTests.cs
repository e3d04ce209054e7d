using Brobygge.Tests.Fixtures;
using Microsoft.Playwright;

namespace Brobygge.Tests.Identity;

/// <summary>The login form in a real browser, checked for WCAG 2.1 AA.</summary>
[Trait("Category", "Browser")]
public sealed class LoginBrowserTests(SqliteBrowserApp app) : IClassFixture<SqliteBrowserApp>
{
    private static Task Check(IPage page) => BrowserApp.AssertAccessibleAsync(page);

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
}
