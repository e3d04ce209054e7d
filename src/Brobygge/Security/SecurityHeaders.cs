using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;

namespace Brobygge.Security;

/// <summary>
/// What every response says about itself to the browser, in one place: a Content-Security-Policy with no inline
/// script or style, no framing, no MIME sniffing, no referrer, and HSTS outside Development. Behind a
/// TLS-terminating proxy the scheme comes from <c>X-Forwarded-Proto</c> (only from proxies we trust), so cookies
/// are <c>Secure</c> and HSTS is sent exactly when the browser talks HTTPS.
/// </summary>
/// <remarks>
/// Trusted proxies: <c>ForwardedHeaders:KnownProxies</c> (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c>
/// (CIDR, e.g. <c>10.0.0.0/8</c>), as lists or comma-separated. Without either only loopback is trusted (a proxy on
/// the same machine); once either is set, only what is set is trusted.
/// </remarks>
public static class SecurityHeaders
{
    /// <summary>Scripts and styles only from our own files (wwwroot), so an injected tag or attribute does nothing.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    // The URLs carry participant ids and search text; nothing here reads the Referer, so none is sent.
    public const string ReferrerPolicy = "no-referrer";

    public static IServiceCollection AddBrobyggeSecurityHeaders(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var proxies = Addresses(configuration, "ForwardedHeaders:KnownProxies")
                .Select(text => IPAddress.TryParse(text, out var address) ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{text}' is not an IP address."))
                .ToList();
            var networks = Addresses(configuration, "ForwardedHeaders:KnownNetworks")
                .Select(text => System.Net.IPNetwork.TryParse(text, out var network) ? network
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{text}' is not a network like 10.0.0.0/8."))
                .ToList();
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
            }
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
        });

        // SameAsRequest rather than Always: once the scheme is forwarded, every cookie (login, antiforgery, language)
        // is Secure over HTTPS, and a plain-HTTP test install still works instead of silently losing its login.
        services.Configure<CookiePolicyOptions>(options => options.Secure = CookieSecurePolicy.SameAsRequest);
        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline, so the headers are on every response: pages, API, static files and errors.</summary>
    public static WebApplication UseBrobyggeSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        var development = app.Environment.IsDevelopment();
        app.Use((context, next) =>
        {
            // On start, not now: the exception handler clears the headers of a failed response before it answers.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The developer exception page has inline script and style; it only ever shows in Development.
                if (!(development && context.Response.StatusCode >= 500))
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = ReferrerPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!development)
            app.UseHsts();
        app.UseCookiePolicy();
        return app;
    }

    private static IEnumerable<string> Addresses(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var values = section.GetChildren().Select(child => child.Value).Append(section.Value);
        return values.SelectMany(value => (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
