using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Brobygge.Tests.Forms;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Brobygge.Tests.Identity;

/// <summary>Issue 10, defect 10: changing a password, a reset with a one-time password that must be changed first,
/// and the invitation as a one-time link.</summary>
[Trait("Category", "Security")]
public abstract partial class PasswordTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    private const string NewPassword = "New-password-456";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password)
        => BrobyggeApp.PostFormAsync(client, "/Identity/Login", new() { ["Email"] = email, ["Password"] = password });

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, string current, string next, string? confirm = null)
        => BrobyggeApp.PostFormAsync(client, "/Identity/ChangePassword", new()
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm ?? next,
        });

    [Fact]
    public async Task A_user_changes_their_password_and_only_the_new_one_logs_in_while_this_session_goes_on()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);
        var otherDevice = await _app.LoginAsync(coach);
        Assert.Contains("/Identity/ChangePassword", WebUtility.HtmlDecode(await client.GetStringAsync("/")));

        var response = await ChangeAsync(client, BrobyggeApp.Password, NewPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Participants")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await otherDevice.GetAsync("/Participants")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app.Anonymous(), coach.Email!, BrobyggeApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(_app.Anonymous(), coach.Email!, NewPassword)).StatusCode);
    }

    [Theory]
    [InlineData("Wrong-current-123", NewPassword, NewPassword, "CurrentPassword", "The current password is wrong.")]
    [InlineData(BrobyggeApp.Password, "short-1A!", "short-1A!", "NewPassword", "The password must be at least 12 characters.")]
    [InlineData(BrobyggeApp.Password, "no-digits-at-all-A", "no-digits-at-all-A", "NewPassword", "The password must contain a digit.")]
    [InlineData(BrobyggeApp.Password, NewPassword, "New-password-457", "ConfirmPassword", "The two new passwords are not the same.")]
    [InlineData("", NewPassword, NewPassword, "CurrentPassword", "Enter your current password.")]
    public async Task A_refused_change_names_the_field_and_keeps_the_old_password(string current, string next, string confirm, string field, string message)
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var client = await _app.LoginAsync(coach);

        var response = await ChangeAsync(client, current, next, confirm);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(Swedish(message), FieldErrors.Of(page, field));
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(_app.Anonymous(), coach.Email!, BrobyggeApp.Password)).StatusCode);
    }

    private static string Swedish(string english) => english switch
    {
        "The current password is wrong." => "Det nuvarande lösenordet är fel.",
        "The password must be at least 12 characters." => "Lösenordet måste ha minst 12 tecken.",
        "The password must contain a digit." => "Lösenordet måste innehålla en siffra.",
        "The two new passwords are not the same." => "De två nya lösenorden är inte likadana.",
        "Enter your current password." => "Ange ditt nuvarande lösenord.",
        _ => throw new ArgumentException(english),
    };

    [Fact]
    public async Task After_reset_password_the_one_time_password_leads_only_to_the_change_page_until_it_is_changed()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("users", "reset-password", "--email", coach.Email!);
        Assert.True(exitCode == 0, error);
        var oneTime = Regex.Match(output, @"\(shown once; they must change it when they log in\): (\S+)").Groups[1].Value;
        Assert.Equal(20, oneTime.Length);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app.Anonymous(), coach.Email!, BrobyggeApp.Password)).StatusCode); // old one refused

        var client = _app.Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(client, coach.Email!, oneTime)).StatusCode);
        var api = _app.Anonymous();
        var token = await (await api.PostAsJsonAsync("/api/v1/tokens", new { email = coach.Email, password = oneTime })).ReadAsync<ApiTesting.Tokens>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);

        foreach (var url in new[] { "/", "/Participants", "/Contacts" })
        {
            var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.Equal("/Identity/ChangePassword", BrobyggeApp.PathOf(page.Headers.Location));
        }
        var refused = await (await api.GetAsync("/api/v1/participants")).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("/Identity/ChangePassword", refused.GetProperty("detail").GetString());
        Assert.Contains("Välj ett eget nytt lösenord", WebUtility.HtmlDecode(await client.GetStringAsync("/Identity/ChangePassword")));

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeAsync(client, oneTime, NewPassword)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Participants")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app.Anonymous(), coach.Email!, oneTime)).StatusCode); // used up
        // The change renewed the security stamp: the token got with the one-time password has ended, a new one works.
        await (await api.GetAsync("/api/v1/participants")).ProblemAsync(HttpStatusCode.Unauthorized);
        var renewed = await (await _app.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { email = coach.Email, password = NewPassword })).ReadAsync<ApiTesting.Tokens>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", renewed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/participants")).StatusCode);
    }

    [Fact]
    public async Task The_invitation_link_of_users_add_sets_the_password_once()
    {
        var project = await _app.CreateProjectAsync();
        var email = $"invited-{Guid.NewGuid():N}@test.brobygge.se";
        var (exitCode, output, error) = await _app.RunCommandLineWithOutputAsync("users", "add", "--email", email, "--role", "coach", "--project", project.Code);
        Assert.True(exitCode == 0, error);
        var link = new Uri(Regex.Match(output, @"^(http\S+/Identity/SetPassword\?\S+)$", RegexOptions.Multiline).Groups[1].Value);
        Assert.Equal("localhost", link.Host);
        Assert.DoesNotContain("Password (shown once)", output);
        var client = _app.Anonymous();

        var set = await BrobyggeApp.PostFormAsync(client, link.PathAndQuery, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });

        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/Identity/Login", BrobyggeApp.PathOf(set.Headers.Location));
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(_app.Anonymous(), email, NewPassword)).StatusCode);
        var again = WebUtility.HtmlDecode(await _app.Anonymous().GetStringAsync(link.PathAndQuery));
        Assert.Contains("Länken har redan använts eller har gått ut", again);
        Assert.DoesNotContain("name=\"NewPassword\"", again);
    }

    [Fact]
    public void An_invitation_link_expires_after_three_days()
        => Assert.Equal(TimeSpan.FromDays(3), _app.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>().Value.TokenLifespan);

    [Fact]
    public async Task A_made_up_set_password_link_shows_no_form_and_sets_nothing()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        var url = $"/Identity/SetPassword?userId={coach.Id}&token=made-up";
        var page = WebUtility.HtmlDecode(await _app.Anonymous().GetStringAsync(url));
        // The page shows no form, so the antiforgery token comes from another page, as a forged post would get it.
        var post = await BrobyggeApp.PostFormAsync(_app.Anonymous(), url, new() { ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword }, formPage: "/Identity/Login");

        Assert.Contains("Länken har redan använts eller har gått ut", page);
        Assert.DoesNotContain("name=\"NewPassword\"", page);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("Länken har redan använts eller har gått ut", WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_app.Anonymous(), coach.Email!, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(_app.Anonymous(), coach.Email!, BrobyggeApp.Password)).StatusCode);
    }
}

public sealed class SqlitePasswordTests(SqliteApp app) : PasswordTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresPasswordTests(PostgresApp app) : PasswordTests<PostgresApp>(app);
