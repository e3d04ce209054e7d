using System.Net;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Security;
using Brobygge.Tests.Api;
using Brobygge.Tests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Brobygge.Tests.Security;

/// <summary>Every response tells the browser not to run injected script, not to be framed, not to sniff types and
/// not to send a referrer; behind a TLS proxy the login cookie is Secure and HSTS is sent.</summary>
[Trait("Category", "Security")]
public sealed class SecurityHeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/Identity/Login", HttpStatusCode.OK)] // a page
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)] // the API's document
    [InlineData("/api/v1/participants", HttpStatusCode.Unauthorized)] // an API ProblemDetails
    [InlineData("/css/site.css", HttpStatusCode.OK)] // a static file
    [InlineData("/js/picklist.js", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)] // an error
    [InlineData("/api/v1/no-such-thing", HttpStatusCode.NotFound)]
    public async Task Every_kind_of_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        var response = await app.Anonymous().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task An_api_response_for_a_signed_in_client_carries_them_and_stays_json()
    {
        var project = await app.CreateProjectAsync();
        var coach = await app.CreateUserAsync(Roles.Coach, project);
        var client = await app.ApiClientAsync(coach);

        var response = await client.GetAsync("/api/v1/participants");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_page_with_a_form_is_not_framed_even_by_its_own_site()
    {
        var response = await app.Anonymous().GetAsync("/Identity/Login");

        // Antiforgery would say SAMEORIGIN on form pages; the policy is DENY everywhere.
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public void No_page_needs_inline_script_style_or_event_handlers()
    {
        // The policy has no 'unsafe-inline': a view that brought one back would break in the browser.
        var views = Directory.EnumerateFiles(SourceFolder(), "*.cshtml", SearchOption.AllDirectories);
        var inline = views.SelectMany(view => File.ReadAllLines(view).Select((line, i) => (view, line, number: i + 1)))
            .Where(l => System.Text.RegularExpressions.Regex.IsMatch(l.line, @"<script(?![^>]*\bsrc=)|<style|\sstyle=""|\son[a-z]+=""", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(l => $"{Path.GetFileName(l.view)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.Empty(inline);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_terminated_TLS_the_login_cookie_is_Secure_and_HSTS_is_sent()
    {
        await using var proxied = new ProxiedApp("Production");
        await proxied.InitializeAsync();

        var (login, cookies) = await proxied.LogInThroughProxyAsync();

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Assert.Single(cookies, c => c.StartsWith("brobygge=", StringComparison.Ordinal));
        Assert.Contains("secure", Attributes(session));
        Assert.All(cookies, cookie => Assert.Contains("secure", Attributes(cookie))); // antiforgery too
        Assert.StartsWith("max-age=31536000", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forwarded_scheme_from_a_proxy_not_configured_as_trusted_is_ignored()
    {
        // Only 10.9.8.7 is a trusted proxy now; the test talks from loopback, like any other client would.
        await using var proxied = new ProxiedApp("Production", knownProxies: "10.9.8.7");
        await proxied.InitializeAsync();

        var (login, cookies) = await proxied.LogInThroughProxyAsync();

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var session = Assert.Single(cookies, c => c.StartsWith("brobygge=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", Attributes(session));
        Assert.False(login.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task A_trusted_proxy_that_is_no_address_stops_the_start_with_the_setting_named()
    {
        await using var broken = new ProxiedApp("Production", knownProxies: "proxy.example");

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await broken.InitializeAsync());

        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        Assert.Contains("ForwardedHeaders:KnownProxies: 'proxy.example' is not an IP address.", messages);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        var csp = SecurityHeaders.ContentSecurityPolicy;
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : null;

    private static List<string> Attributes(string setCookie)
        => setCookie.Split(';').Skip(1).Select(a => a.Split('=')[0].Trim().ToLowerInvariant()).ToList();

    private static string SourceFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Brobygge.slnx")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "src", "Brobygge");
    }

    /// <summary>The program on a real port, so requests come from a real (loopback) address as a proxy's would.</summary>
    private sealed class ProxiedApp : BrobyggeApp
    {
        private readonly string _environment;
        private readonly string? _knownProxies;

        public ProxiedApp(string environment, string? knownProxies = null) : base(DatabaseProvider.Sqlite)
        {
            _environment = environment;
            _knownProxies = knownProxies;
            UseKestrel(0);
        }

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            StartServer();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(_environment);
            if (_knownProxies is not null)
                builder.UseSetting("ForwardedHeaders:KnownProxies", _knownProxies);
        }

        /// <summary>Logs in as a TLS-terminating proxy would forward it: the public host name and X-Forwarded-Proto: https.</summary>
        public async Task<(HttpResponseMessage Login, List<string> Cookies)> LogInThroughProxyAsync()
        {
            var project = await CreateProjectAsync();
            var user = await CreateUserAsync(Roles.Coach, project);
            var cookies = new CookieJar();
            using var client = new HttpClient(new CookieJar.Handler(cookies))
            {
                BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
            };
            client.DefaultRequestHeaders.Host = "brobygge.example.se";
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
            var login = await PostFormAsync(client, "/Identity/Login", new() { ["Email"] = user.Email!, ["Password"] = Password });
            return (login, cookies.SetCookies);
        }
    }

    /// <summary>Keeps cookies whatever their flags (an HttpClient would hold back Secure ones over plain HTTP to the
    /// proxy's side), and remembers every Set-Cookie as sent.</summary>
    private sealed class CookieJar
    {
        private readonly Dictionary<string, string> _values = [];
        public List<string> SetCookies { get; } = [];

        public sealed class Handler(CookieJar jar) : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                if (jar._values.Count > 0)
                    request.Headers.Add("Cookie", string.Join("; ", jar._values.Select(c => $"{c.Key}={c.Value}")));
                var response = await base.SendAsync(request, cancellationToken);
                foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
                {
                    jar.SetCookies.Add(cookie);
                    var pair = cookie.Split(';')[0].Split('=', 2);
                    jar._values[pair[0]] = pair[1];
                }
                return response;
            }
        }
    }
}
