using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Brobygge.Api;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using static Brobygge.Participants.ParticipantsApi;

namespace Brobygge.Tests.Identity;

public abstract class TokensApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : BrobyggeApp
{
    private readonly TApp _app = app.Available();

    [Fact]
    public async Task A_token_for_email_and_password_opens_the_api_with_the_users_own_participants()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var mine = await _app.CreateParticipantAsync(project, coach);
        await _app.CreateParticipantAsync(project, await _app.CreateUserAsync(Roles.Coach, project));

        var tokens = await _app.TokensAsync(coach);
        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var participants = await (await client.GetAsync("/api/v1/participants")).ReadAsync<ListPage<ParticipantSummary>>();

        Assert.Equal("Bearer", tokens.TokenType);
        Assert.Equal(3600, tokens.ExpiresIn);
        Assert.NotEmpty(tokens.RefreshToken);
        // The token carries the organisation and role, so the query filters show the coach's caseload only.
        Assert.Equal(mine.PersonId, Assert.Single(participants.Items).Id);
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401_problem_details()
    {
        var response = await _app.Anonymous().GetAsync("/api/v1/participants");

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("/api/v1/tokens", problem.GetProperty("detail").GetString());
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_details_and_no_token()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);

        var response = await _app.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { email = coach.Email, password = "Not-the-password-1" });

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.False(problem.TryGetProperty("accessToken", out _));
        Assert.Contains("password", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_token_request_without_email_or_password_names_both()
    {
        var response = await _app.Anonymous().PostAsJsonAsync("/api/v1/tokens", new { email = "" });

        var errors = await response.ValidationErrorsAsync();
        Assert.Equal(["email", "password"], errors.Keys.Order());
    }

    [Fact]
    public async Task A_refresh_token_gives_a_new_access_token_and_a_made_up_one_gets_401()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var tokens = await _app.TokensAsync(coach);

        var refreshed = await (await _app.Anonymous().PostAsJsonAsync("/api/v1/tokens/refresh", new { refreshToken = tokens.RefreshToken }))
            .ReadAsync<ApiTesting.Tokens>();
        var forged = await _app.Anonymous().PostAsJsonAsync("/api/v1/tokens/refresh", new { refreshToken = "made-up" });

        var client = _app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/participants")).StatusCode);
        await forged.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_pages_login_cookie_does_not_open_the_api_and_a_token_does_not_open_the_pages()
    {
        var project = await _app.CreateProjectAsync();
        var coach = await _app.CreateUserAsync(Roles.Coach, project);
        var withCookie = await _app.LoginAsync(coach);
        var withToken = await _app.ApiClientAsync(coach);

        var api = await withCookie.GetAsync("/api/v1/participants");
        var page = await withToken.GetAsync("/Participants");

        await api.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withCookie.GetAsync("/Participants")).StatusCode);
    }
}

public sealed class SqliteTokensApiTests(SqliteApp app) : TokensApiTests<SqliteApp>(app);

[Trait("Category", "Postgres")]
public sealed class PostgresTokensApiTests(PostgresApp app) : TokensApiTests<PostgresApp>(app);
