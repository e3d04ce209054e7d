using Brobygge.Data;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Brobygge.Tests.Fixtures;

/// <summary>
/// The program on a real port (Kestrel) and Debian's Chromium driven by Playwright: the tests use the UI as
/// a person does, and every page they visit is checked with axe-core for WCAG 2.1 A and AA violations.
/// </summary>
public abstract class BrowserApp : BrobyggeApp
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    protected BrowserApp(DatabaseProvider provider) : base(provider) => UseKestrel(0);

    public string BaseUrl { get; private set; } = "";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (Problem is not null)
            return;
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var chromium = Environment.GetEnvironmentVariable("BROBYGGE_CHROMIUM") ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            BrowserProblem = $"no Chromium at {chromium}: install Debian's chromium package (apt-get install chromium) or set BROBYGGE_CHROMIUM";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
        });
    }

    public string? BrowserProblem { get; private set; }

    public override async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A fresh browser context (its own cookies), Swedish as a Swedish user's browser would be.</summary>
    public async Task<IPage> NewPageAsync()
    {
        SkipIfUnavailable();
        if (BrowserProblem is not null)
            Assert.Skip(BrowserProblem);
        var context = await _browser!.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "sv-SE" });
        // Generous: a 2-core machine running the whole suite is slow at times, and a timeout is no finding.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignInAsync(global::Brobygge.Identity.User user)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("E-postadress").FillAsync(user.Email!);
        await page.GetByLabel("Lösenord").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Identity/Login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Fails with every WCAG 2.1 A/AA violation axe-core finds on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}: {string.Join(Environment.NewLine, violations)}");
    }
}

public sealed class SqliteBrowserApp() : BrowserApp(DatabaseProvider.Sqlite);

public sealed class PostgresBrowserApp() : BrowserApp(DatabaseProvider.Postgres);
