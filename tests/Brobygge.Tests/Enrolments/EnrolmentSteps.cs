using System.Net;
using System.Text.Json;
using Brobygge.Tests.Api;
using static Brobygge.Enrolments.EnrolmentsApi;
using static Brobygge.FollowUps.FollowUpsApi;

namespace Brobygge.Tests.Enrolments;

/// <summary>The steps of a participation through the API, for tests that tell a dated story: exit, come back, exit again.</summary>
public static class EnrolmentSteps
{
    public static async Task<EnrolmentResponse> ReadAsync(HttpClient client, Guid enrolmentId)
        => await (await client.GetAsync($"/api/v1/enrolments/{enrolmentId}")).ReadAsync<EnrolmentResponse>();

    /// <summary>The enrolment as the API gives it, as JSON: for fields a test looks for by name.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpClient client, Guid enrolmentId)
        => await (await client.GetAsync($"/api/v1/enrolments/{enrolmentId}")).ReadAsync<JsonElement>();

    public static Task<HttpResponseMessage> TryExitAsync(HttpClient client, Guid enrolmentId, DateOnly on, string reason, Guid version)
        => client.PostJsonAsync($"/api/v1/enrolments/{enrolmentId}/exit", new { exitedOn = on, reason, version });

    public static async Task<EnrolmentResponse> ExitAsync(HttpClient client, Guid enrolmentId, DateOnly on, string reason = "Completed")
    {
        var read = await ReadAsync(client, enrolmentId);
        return await (await TryExitAsync(client, enrolmentId, on, reason, read.Version)).ReadAsync<EnrolmentResponse>();
    }

    public static async Task<EnrolmentResponse> ReEnterAsync(HttpClient client, Guid personId, Guid projectId, DateOnly on)
        => await (await client.PostJsonAsync($"/api/v1/participants/{personId}/enrolments",
            new { projectId, enrolledOn = on, statusAtEntry = "Unemployed" })).ReadAsync<EnrolmentResponse>(HttpStatusCode.OK);

    public static async Task<List<FollowUpResponse>> FollowUpsAsync(HttpClient client, Guid enrolmentId)
        => await (await client.GetAsync($"/api/v1/enrolments/{enrolmentId}/follow-ups")).ReadAsync<List<FollowUpResponse>>();

    public static Task<HttpResponseMessage> TryRecordAsync(HttpClient client, FollowUpResponse followUp, DateOnly on, string status = "Employed")
        => client.PutJsonAsync($"/api/v1/follow-ups/{followUp.Id}",
            new { recordedOn = on, status, sameEmployer = status == "Employed" ? true : (bool?)null, contactMethod = "Phone", followUp.Version });

    public static async Task<FollowUpResponse> RecordAsync(HttpClient client, FollowUpResponse followUp, DateOnly on, string status = "Employed")
        => await (await TryRecordAsync(client, followUp, on, status)).ReadAsync<FollowUpResponse>();
}
