using Brobygge.Api;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.FollowUps;

/// <summary>Follow-ups in the API: those scheduled at exit, extra ones on demand, and recording what was found.</summary>
public static class FollowUpsApi
{
    public const string Tag = "Follow-ups";

    /// <summary>Overdue: not recorded, and the due date has passed.</summary>
    public sealed record FollowUpResponse(Guid Id, Guid EnrolmentId, FollowUpKind Kind, DateOnly DueOn, bool Overdue, DateOnly? RecordedOn,
        FollowUpStatus? Status, bool? SameEmployer, ContactMethod? ContactMethod, Guid Version)
    {
        public static FollowUpResponse From(FollowUp f, DateOnly today)
            => new(f.Id, f.EnrolmentId, f.Kind, f.DueOn, f.IsOverdueOn(today), f.RecordedOn, f.Status, f.SameEmployer, f.ContactMethod, f.Version);
    }

    public sealed record ScheduleRequest(DateOnly? DueOn);

    public static RouteGroupBuilder MapFollowUpsApi(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{enrolmentId:guid}/follow-ups").WithTags(Tag);
        ofEnrolment.MapGet("/", ListAsync).WithName("ListFollowUps").FindsById()
            .WithSummary("Lists a participant's follow-ups by due date: exit + 4 weeks, exit + 6 months and any on demand (the read is audited).");
        ofEnrolment.MapPost("/", ScheduleAsync).WithName("ScheduleFollowUp").Writes().FindsById()
            .WithSummary("Schedules an extra follow-up on demand, beside the two scheduled at exit.");

        var followUps = api.MapGroup("/follow-ups/{id:guid}").WithTags(Tag);
        followUps.MapGet("/", GetAsync).WithName("GetFollowUp").FindsById()
            .WithSummary("Reads a follow-up (the read is audited).");
        followUps.MapPut("/", RecordAsync).WithName("RecordFollowUp").Writes().FindsById().GuardedByVersion()
            .WithSummary("Records a follow-up: when, whether the person is in work or studies (same employer?), and how they were reached.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FollowUpResponse>>> ListAsync(Guid enrolmentId, BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        var followUps = await db.FollowUps.AsNoTracking().Where(f => f.EnrolmentId == enrolmentId)
            .OrderBy(f => f.DueOn).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        var today = time.Today();
        return TypedResults.Ok<IReadOnlyList<FollowUpResponse>>(followUps.Select(f => FollowUpResponse.From(f, today)).ToList());
    }

    private static async Task<Ok<FollowUpResponse>> GetAsync(Guid id, BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var followUp = await db.FollowUps.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken)
            ?? throw new NotFoundException("The follow-up");
        await db.RecordEnrolmentReadAsync(followUp.EnrolmentId, cancellationToken);
        return TypedResults.Ok(FollowUpResponse.From(followUp, time.Today()));
    }

    private static async Task<Results<Created<FollowUpResponse>, ValidationProblem>> ScheduleAsync(Guid enrolmentId, ScheduleRequest request,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await FollowUpOperations.ScheduleAsync(db, enrolmentId, request.DueOn, problems, cancellationToken) is not { } followUp)
            return ApiProblems.Validation(problems);
        return TypedResults.Created($"{ApiSetup.Prefix}/follow-ups/{followUp.Id}", FollowUpResponse.From(followUp, time.Today()));
    }

    private static async Task<Results<Ok<FollowUpResponse>, ValidationProblem>> RecordAsync(Guid id, FollowUpInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await FollowUpOperations.RecordAsync(db, id, input, time.Today(), problems, cancellationToken) is not { } followUp)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(FollowUpResponse.From(followUp, time.Today()));
    }
}
