using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests.Localization;

public sealed partial class LocalizationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_ui_speaks_swedish_by_default_and_english_when_chosen()
    {
        var client = app.Anonymous();
        Assert.Contains("Logga in", await client.GetStringAsync("/Identity/Login"));

        var response = await BrobyggeApp.PostFormAsync(client, "/culture", new() { ["culture"] = "en-GB", ["returnUrl"] = "/Identity/Login" }, formPage: "/Identity/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var english = await client.GetStringAsync("/Identity/Login");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("Log in", english);
        Assert.DoesNotContain("Logga in", english);
    }

    [Fact]
    public async Task An_unknown_culture_is_refused()
    {
        var client = app.Anonymous();

        var response = await BrobyggeApp.PostFormAsync(client, "/culture", new() { ["culture"] = "xx-YY" }, formPage: "/Identity/Login");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown culture 'xx-YY'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_ui_string_in_the_pages_has_a_swedish_translation()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Brobygge");
        var swedish = XDocument.Load(Path.Combine(source, "Localization", "SharedResource.sv.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var used = Directory.EnumerateFiles(source, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => UiString().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
            .Concat(Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                .SelectMany(file => ErrorMessage().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value)))
            .Distinct().ToList();

        Assert.True(used.Count > 50, $"found only {used.Count} strings: the scan is broken");
        var missing = used.Where(key => !swedish.Contains(key)).ToList();
        Assert.True(missing.Count == 0, "No Swedish for: " + string.Join(" | ", missing));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Brobygge.slnx")))
                return dir.FullName;
        throw new DirectoryNotFoundException("Brobygge.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("""T\["([^"$]+)"[\],]""")]
    private static partial Regex UiString();

    [GeneratedRegex("""(?:ErrorMessage = |AddError\("[^"]+", |addError\([^,]+, )"([^"]+)"\)?""")]
    private static partial Regex ErrorMessage();
}
