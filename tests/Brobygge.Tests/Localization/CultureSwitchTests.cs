using System.Net;
using Brobygge.Tests.Fixtures;

namespace Brobygge.Tests.Localization;

[Trait("Category", "Security")]
public sealed class CultureSwitchTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("//evil.example/login")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("evil")]
    public async Task A_return_address_off_the_site_goes_to_the_start_page(string returnUrl)
    {
        var response = await BrobyggeApp.PostFormAsync(app.Anonymous(), "/culture", new() { ["culture"] = "en-GB", ["returnUrl"] = returnUrl }, formPage: "/Identity/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", BrobyggeApp.PathOf(response.Headers.Location));
    }

    [Fact]
    public async Task A_return_address_on_the_site_is_kept()
    {
        var response = await BrobyggeApp.PostFormAsync(app.Anonymous(), "/culture", new() { ["culture"] = "en-GB", ["returnUrl"] = "/Identity/Login?x=1" }, formPage: "/Identity/Login");

        Assert.Equal("/Identity/Login?x=1", BrobyggeApp.PathOf(response.Headers.Location));
    }
}
