using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Brobygge.Identity;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests.Identity;

/// <summary>Issue 10, defect 7: login is rate limited per client and per account, and a refusal tells nothing about
/// the account: unknown, wrong password, locked and disabled all get the same answer.</summary>
[Trait("Category", "Security")]
public sealed partial class LoginTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string ClientHeader = "X-Test-Client-Address";

    /// <summary>The app with small limits, and the client's address taken from a test header, as forwarded headers
    /// would set it behind a proxy.</summary>
    private WebApplicationFactory<Program> Limited(int perClient, int perAccount)
        => app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Login:RateLimit:PerClient", perClient.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Login:RateLimit:PerAccount", perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ClientAddressFromHeader>());
        });

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => pipeline =>
        {
            pipeline.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address))
                    context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(pipeline);
        };
    }

    private static HttpClient ClientAt(WebApplicationFactory<Program> factory, string address)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    private static Task<HttpResponseMessage> LoginPageAsync(HttpClient client, string email, string password)
        => BrobyggeApp.PostFormAsync(client, "/Identity/Login", new() { ["Email"] = email, ["Password"] = password });

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password)
        => client.PostAsJsonAsync("/api/v1/tokens", new { email, password });

    private static string Unknown() => $"nobody-{Guid.NewGuid():N}@test.brobygge.se";

    [Fact]
    public async Task The_login_page_answers_429_after_the_limit_per_client_and_other_clients_go_on()
    {
        await using var limited = Limited(perClient: 3, perAccount: 100);
        var attacker = ClientAt(limited, "203.0.113.7");

        var allowed = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
            allowed.Add((await LoginPageAsync(attacker, Unknown(), "Wrong-password-1")).StatusCode);
        var over = await LoginPageAsync(attacker, Unknown(), "Wrong-password-1");
        var other = await LoginPageAsync(ClientAt(limited, "198.51.100.20"), Unknown(), "Wrong-password-1");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Contains("För många inloggningsförsök", WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain("För många inloggningsförsök", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_token_endpoint_answers_429_after_the_limit_per_account_from_any_client_and_other_accounts_go_on()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        await using var limited = Limited(perClient: 100, perAccount: 3);

        var allowed = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
            allowed.Add((await TokenAsync(ClientAt(limited, $"203.0.113.{attempt + 1}"), coach.Email!, "Wrong-password-1")).StatusCode);
        // From a fourth address, with the right password: the account has used up its attempts.
        var over = await TokenAsync(ClientAt(limited, "203.0.113.99"), coach.Email!, BrobyggeApp.Password);
        var otherAccount = await TokenAsync(ClientAt(limited, "203.0.113.99"), Unknown(), "Wrong-password-1");

        Assert.All(allowed, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        var problem = await over.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many login attempts", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, otherAccount.StatusCode);
    }

    [Fact]
    public async Task The_login_page_and_the_token_endpoint_share_the_per_account_limit()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        await using var limited = Limited(perClient: 100, perAccount: 2);

        Assert.Equal(HttpStatusCode.OK, (await LoginPageAsync(ClientAt(limited, "203.0.113.1"), coach.Email!, "Wrong-password-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(ClientAt(limited, "203.0.113.2"), coach.Email!, "Wrong-password-1")).StatusCode);
        var over = await LoginPageAsync(ClientAt(limited, "203.0.113.3"), coach.Email!.ToUpperInvariant(), BrobyggeApp.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Contains("För många inloggningsförsök", WebUtility.HtmlDecode(await over.Content.ReadAsStringAsync()));
    }

    /// <summary>The four refusals of one test: an unknown address, a wrong password, a locked and a disabled account
    /// (these two with the right password).</summary>
    private async Task<(string Email, string Password)[]> RefusalsAsync()
    {
        var project = await app.CreateProjectAsync();
        var wrongPassword = await app.CreateUserAsync(Roles.Coach, project);
        var locked = await app.CreateUserAsync(Roles.Coach, project);
        var disabled = await app.CreateUserAsync(Roles.Coach, project);
        await app.WithDbAsync(async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByIdAsync(locked.Id.ToString());
            await users.SetLockoutEndDateAsync(user!, app.Clock.Now.AddHours(1));
            return 0;
        });
        Assert.Equal(0, await app.RunCommandLineAsync("users", "disable", "--email", disabled.Email!));
        return
        [
            (Unknown(), BrobyggeApp.Password), (wrongPassword.Email!, "Wrong-password-1"),
            (locked.Email!, BrobyggeApp.Password), (disabled.Email!, BrobyggeApp.Password),
        ];
    }

    [Fact]
    public async Task The_login_page_answers_an_unknown_address_a_wrong_password_a_locked_and_a_disabled_account_alike()
    {
        var pages = new List<(HttpStatusCode, string)>();
        foreach (var (email, password) in await RefusalsAsync())
        {
            var response = await LoginPageAsync(app.Anonymous(), email, password);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            // What differs by design: the antiforgery token, and the address the user typed.
            pages.Add((response.StatusCode, AntiforgeryValue().Replace(body, "TOKEN").Replace(email, "EMAIL", StringComparison.Ordinal)));
        }

        Assert.Equal(HttpStatusCode.OK, pages[0].Item1);
        Assert.Contains("E-postadressen eller lösenordet är fel, eller så kan kontot inte logga in just nu.", pages[0].Item2);
        Assert.All(pages, page => Assert.Equal(pages[0], page));
    }

    [Fact]
    public async Task The_token_endpoint_answers_an_unknown_address_a_wrong_password_a_locked_and_a_disabled_account_alike()
    {
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var (email, password) in await RefusalsAsync())
        {
            var response = await TokenAsync(app.Anonymous(), email, password);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            problem.Remove("traceId"); // differs by design
            answers.Add((response.StatusCode, problem.ToJsonString()));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Item1);
        Assert.Contains("or the account cannot log in now", answers[0].Item2);
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
    }

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" value=\")[^\"]+")]
    private static partial Regex AntiforgeryValue();
}
