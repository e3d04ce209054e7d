using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Brobygge.Tests.Api;

namespace Brobygge.Tests.Fixtures;

/// <summary>Races through the real pipeline: every request is prepared first (forms read, tokens taken), then all
/// are released at the same moment.</summary>
public static partial class Simultaneous
{
    public static async Task<HttpResponseMessage[]> SendAsync(IReadOnlyList<(HttpClient Client, HttpRequestMessage Request)> requests)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sending = requests.Select(async r =>
        {
            await start.Task;
            return await r.Client.SendAsync(r.Request);
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(sending);
        foreach (var response in responses)
            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return responses;
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, object body)
        => new(method, url) { Content = JsonContent.Create(body, options: ApiTesting.Json) };

    /// <summary>A form post as a browser would send it after opening the form: the page is read now, for its
    /// antiforgery token, and the post is left to be sent.</summary>
    public static async Task<HttpRequestMessage> FormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = BrobyggeApp.AntiforgeryTokenIn(page) ?? throw new InvalidOperationException($"{url} has no antiforgery token");
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
    }

    /// <summary>A valid personnummer born 1982-03-19 with the given serial (000–999): the Luhn check digit computed.</summary>
    public static string IdentityNumber(int serial)
    {
        var digits = $"820319{serial:000}";
        var sum = digits.Select((c, i) => (c - '0') * (i % 2 == 0 ? 2 : 1)).Sum(p => p / 10 + p % 10);
        return $"19{digits}{(10 - sum % 10) % 10}";
    }
}
