using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Brobygge.Tests.Identity;

/// <summary>
/// Issue 10, defect 3: after <c>users disable</c>, <c>set-role</c>, <c>reset-password</c> or a logout returns, the user's
/// very next request, with the cookie or the bearer token they already hold, runs with the new state.
/// </summary>
[Trait("Category", "Security")]
public abstract class RevocationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    protected TApp App { get; } = app.Available();

    /// <summary>A coach with one participant, signed in twice: a page session (cookie) and an API token.</summary>
    protected async Task<(User Coach, Guid PersonId, HttpClient Pages, HttpClient Api, ApiTesting.Tokens Tokens)> SignedInCoachAsync()
    {
        var project = await App.CreateProjectAsync();
        var coach = await App.CreateUserAsync(Roles.Coach, project);
        var participant = await App.CreateParticipantAsync(project, coach);
        var pages = await App.LoginAsync(coach);
        var tokens = await App.TokensAsync(coach);
        var api = App.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Participants/Details/{participant.PersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/participants/{participant.PersonId}")).StatusCode);
        return (coach, participant.PersonId, pages, api, tokens);
    }

    protected static async Task AssertSentToLoginAsync(HttpClient pages, string url)
    {
        var response = await pages.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Login", BrobyggeApp.PathOf(response.Headers.Location));
    }

    /// <summary>Outside the role's rights: "not found" (the query filters), or refused outright (a page or endpoint
    /// closed to the role), but never the record.</summary>
    protected static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && BrobyggeApp.PathOf(response.Headers.Location).StartsWith("/Identity/AccessDenied", StringComparison.Ordinal)),
            $"{(int)response.StatusCode} {response.StatusCode} {response.Headers.Location}: {text[..Math.Min(text.Length, 300)]}");
    }

    protected async Task RunAsync(params string[] args)
    {
        var (exitCode, _, error) = await App.RunCommandLineWithOutputAsync(args);
        Assert.True(exitCode == 0, string.Join(' ', args) + ": " + error);
    }

    [Fact]
    public async Task After_users_disable_the_same_cookie_and_token_are_refused_and_no_new_login_or_refresh_works()
    {
        var (coach, personId, pages, api, tokens) = await SignedInCoachAsync();

        await RunAsync("users", "disable", "--email", coach.Email!);

        await AssertSentToLoginAsync(pages, $"/Participants/Details/{personId}");
        await (await api.GetAsync($"/api/v1/participants/{personId}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.Anonymous().PostAsJsonAsync("/api/v1/tokens/refresh", new { refreshToken = tokens.RefreshToken })).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { email = coach.Email, password = BrobyggeApp.Password })).ProblemAsync(HttpStatusCode.Unauthorized);
        var login = await BrobyggeApp.PostFormAsync(App.Anonymous(), "/Identity/Login", new() { ["Email"] = coach.Email!, ["Password"] = BrobyggeApp.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode); // the form again, with its message: not signed in
    }

    [Fact]
    public async Task After_users_enable_the_user_logs_in_again_but_the_sessions_ended_by_disable_stay_ended()
    {
        var (coach, personId, pages, api, _) = await SignedInCoachAsync();
        await RunAsync("users", "disable", "--email", coach.Email!);

        await RunAsync("users", "enable", "--email", coach.Email!);

        var again = await App.LoginAsync(coach);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync($"/Participants/Details/{personId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await App.ApiClientAsync(coach)).GetAsync($"/api/v1/participants/{personId}")).StatusCode);
        await AssertSentToLoginAsync(pages, $"/Participants/Details/{personId}");
        await (await api.GetAsync($"/api/v1/participants/{personId}")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_users_set_role_the_same_cookie_and_token_have_only_the_new_roles_rights()
    {
        var (coach, personId, pages, api, _) = await SignedInCoachAsync();
        // A coach may write: an empty change gets as far as validation.
        Assert.Contains("version", (await (await api.PutJsonAsync($"/api/v1/participants/{personId}", new { })).ValidationErrorsAsync()).Keys);

        await RunAsync("users", "set-role", "--email", coach.Email!, "--role", "evaluator");

        // Still signed in, but as an evaluator: no participant is visible, and writes are forbidden.
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/")).StatusCode);
        await AssertRefusedAsync(await pages.GetAsync($"/Participants/Details/{personId}"));
        await AssertRefusedAsync(await api.GetAsync($"/api/v1/participants/{personId}"));
        await (await api.PutJsonAsync($"/api/v1/participants/{personId}", new { })).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_promotion_by_users_set_role_applies_to_the_next_request_of_the_same_session()
    {
        var project = await App.CreateProjectAsync();
        var evaluator = await App.CreateUserAsync(Roles.Evaluator, project);
        var participant = await App.CreateParticipantAsync(project, await App.CreateUserAsync(Roles.Coach, project));
        var pages = await App.LoginAsync(evaluator);
        var api = await App.ApiClientAsync(evaluator);
        await AssertRefusedAsync(await pages.GetAsync($"/Participants/Details/{participant.PersonId}"));

        await RunAsync("users", "set-role", "--email", evaluator.Email!, "--role", "project-manager");

        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync($"/Participants/Details/{participant.PersonId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/participants/{participant.PersonId}")).StatusCode);
    }

    [Fact]
    public async Task After_users_reset_password_every_earlier_cookie_and_token_is_refused()
    {
        var (coach, personId, pages, api, tokens) = await SignedInCoachAsync();

        await RunAsync("users", "reset-password", "--email", coach.Email!);

        await AssertSentToLoginAsync(pages, $"/Participants/Details/{personId}");
        await (await api.GetAsync($"/api/v1/participants/{personId}")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.Anonymous().PostAsJsonAsync("/api/v1/tokens/refresh", new { refreshToken = tokens.RefreshToken })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task After_logout_a_copy_of_the_cookie_and_the_users_tokens_are_refused()
    {
        var project = await App.CreateProjectAsync();
        var coach = await App.CreateUserAsync(Roles.Coach, project);
        var cookies = new CookieContainer();
        var pages = App.CreateDefaultClient(new CookieContainerHandler(cookies));
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(pages, "/Identity/Login", new() { ["Email"] = coach.Email!, ["Password"] = BrobyggeApp.Password })).StatusCode);
        var copied = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copied.DefaultRequestHeaders.Add("Cookie", cookies.GetCookieHeader(pages.BaseAddress!));
        var api = await App.ApiClientAsync(coach);
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/Participants")).StatusCode);

        var logout = await BrobyggeApp.PostFormAsync(pages, "/Identity/Logout", new(), formPage: "/");

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        await AssertSentToLoginAsync(copied, "/Participants");
        await (await api.GetAsync("/api/v1/participants")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteRevocationTests(SqliteApp app) : RevocationTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresRevocationTests(PostgresApp app) : RevocationTests<PostgresApp>(app)
{
    [Fact]
    public async Task Disabling_through_one_app_node_ends_the_sessions_another_node_issued_at_once()
    {
        var project = await App.CreateProjectAsync();
        var coach = await App.CreateUserAsync(Roles.Coach, project);
        await App.TokensAsync(coach); // node A has its Data Protection key in the shared database before node B starts
        await using var nodeB = App.WithWebHostBuilder(_ => { });
        var pages = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await BrobyggeApp.PostFormAsync(pages, "/Identity/Login", new() { ["Email"] = coach.Email!, ["Password"] = BrobyggeApp.Password })).StatusCode);
        var issued = await (await nodeB.CreateClient().PostAsJsonAsync("/api/v1/tokens", new { email = coach.Email, password = BrobyggeApp.Password })).ReadAsync<ApiTesting.Tokens>();
        var api = nodeB.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", issued.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/Participants")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/participants")).StatusCode);

        await RunAsync("users", "disable", "--email", coach.Email!); // on node A

        await AssertSentToLoginAsync(pages, "/Participants");
        await (await api.GetAsync("/api/v1/participants")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
