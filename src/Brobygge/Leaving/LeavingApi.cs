using Brobygge.Api;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Brobygge.Leaving;

/// <summary>The situation upon leaving in the API: in work, in education or training, job searching, a qualification
/// gained, each dated within four weeks after the exit.</summary>
public static class LeavingApi
{
    public const string Tag = "Leaving";

    public sealed record QualificationResponse(Guid Id, string What, DateOnly AwardedOn, string Issuer);

    public sealed record LeavingSituationResponse(Guid Id, Guid EnrolmentId, LeavingSituationKind Kind, DateOnly On, QualificationResponse? Qualification, DateTime RecordedAt);

    /// <summary>The situations upon the current exit (none while the participant takes part) and every qualification.</summary>
    public sealed record LeavingResponse(Guid EnrolmentId, DateOnly? ExitedOn, DateOnly? UponLeavingUntil,
        IReadOnlyList<LeavingSituationResponse> Situations, IReadOnlyList<QualificationResponse> Qualifications);

    public static RouteGroupBuilder MapLeavingApi(this RouteGroupBuilder api)
    {
        var leaving = api.MapGroup("/enrolments/{enrolmentId:guid}/leaving").WithTags(Tag);
        leaving.MapGet("/", GetAsync).WithName("GetLeaving").FindsById()
            .WithSummary("Reads the situation upon leaving and the qualifications gained (the read is audited).");
        leaving.MapPost("/situations", RecordAsync).WithName("RecordLeavingSituation").Writes().FindsById()
            .WithSummary("Records a situation upon leaving, dated from the exit to four weeks after it; a qualification gained names what, when and who awarded it.");
        return api;
    }

    private static QualificationResponse ToResponse(Qualification q) => new(q.Id, q.What, q.AwardedOn, q.Issuer);

    private static LeavingSituationResponse ToResponse(LeavingSituation s)
        => new(s.Id, s.EnrolmentId, s.Kind, s.On, s.Qualification is { } q ? ToResponse(q) : null, s.RecordedAt);

    private static async Task<Ok<LeavingResponse>> GetAsync(Guid enrolmentId, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var (exitedOn, situations, qualifications) = await LeavingOperations.OfAsync(db, enrolmentId, cancellationToken);
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        return TypedResults.Ok(new LeavingResponse(enrolmentId, exitedOn, exitedOn?.AddDays(LeavingRules.WindowDays),
            situations.Select(ToResponse).ToList(), qualifications.Select(ToResponse).ToList()));
    }

    private static async Task<Results<Created<LeavingSituationResponse>, ValidationProblem>> RecordAsync(Guid enrolmentId, LeavingInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await LeavingOperations.RecordAsync(db, enrolmentId, input, time.Today(), time.GetUtcNow().UtcDateTime, problems, cancellationToken) is not { } situation)
            return ApiProblems.Validation(problems);
        return TypedResults.Created($"{ApiSetup.Prefix}/enrolments/{enrolmentId}/leaving", ToResponse(situation));
    }
}
