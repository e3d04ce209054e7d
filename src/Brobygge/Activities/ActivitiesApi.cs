using System.Linq.Expressions;
using Brobygge.Api;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Activities;

/// <summary>Activities in the API, internships among them, logged with the activity pages' rules.</summary>
public static class ActivitiesApi
{
    public const string Tag = "Activities";

    /// <summary>Status Planned or Held: only held activities count toward milestones and hours of participation.</summary>
    public sealed record ActivityResponse(Guid Id, Guid EnrolmentId, ActivityKind Kind, DateOnly OccurredOn, DateOnly? EndsOn, string? Language,
        bool InterpreterUsed, string? EmployerName, string? Supervisor, string? Notes, Guid? StaffId, Guid Version,
        ActivityStatus Status, TimeOnly? StartsAt, double? Hours);

    private static readonly Expression<Func<Activity, ActivityResponse>> Projection
        = a => new ActivityResponse(a.Id, a.EnrolmentId, a.Kind, a.OccurredOn, a.EndsOn, a.Language, a.InterpreterUsed, a.EmployerName,
            a.Supervisor, a.Notes, a.StaffId, a.Version, a.Status, a.StartsAt, a.Hours);

    private static readonly Func<Activity, ActivityResponse> ToResponse = Projection.Compile();

    /// <summary>One version of an activity: its content, when it was entered and by whom, and when a correction
    /// replaced it or a removal ended it (with the reason).</summary>
    public sealed record ActivityVersionResponse(ActivityResponse Activity, DateTime RecordedAt, Guid? RecordedById, RecordOrigin Origin,
        DateTime? SupersededAt, DateTime? RemovedAt, Guid? RemovedById, string? RemovalReason);

    private static ActivityVersionResponse ToVersion(Activity a)
        => new(ToResponse(a) with { Id = a.HistoryOf ?? a.Id }, DateTime.SpecifyKind(a.RecordedAt, DateTimeKind.Utc), a.RecordedById, a.Origin,
            Utc(a.SupersededAt), Utc(a.RemovedAt), a.RemovedById, a.RemovalReason);

    private static DateTime? Utc(DateTime? instant) => instant is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;

    public static RouteGroupBuilder MapActivitiesApi(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{enrolmentId:guid}/activities").WithTags(Tag);
        ofEnrolment.MapGet("/", ListAsync).WithName("ListActivities").FindsById()
            .WithSummary("Lists a participant's activities, the latest first (the read is audited).");
        ofEnrolment.MapPost("/", AddAsync).WithName("AddActivity").Writes().FindsById()
            .WithSummary("Logs an activity, held (the default) or planned ahead; an internship (kind Internship) needs the employer and its planned last day.");

        var activities = api.MapGroup("/activities/{id:guid}").WithTags(Tag);
        activities.MapGet("/", GetAsync).WithName("GetActivity").FindsById()
            .WithSummary("Reads an activity (the read is audited).");
        activities.MapPut("/", UpdateAsync).WithName("UpdateActivity").Writes().FindsById().GuardedByVersion()
            .WithSummary("Corrects an activity: replaces its fields, with the version you read. The content it replaces is kept as history.");
        activities.MapDelete("/", RemoveAsync).WithName("RemoveActivity").Writes().FindsById().GuardedByVersion()
            .WithSummary("Removes an activity, with the reason and the version you read in the body. It is kept with the reason, counted nowhere from now on.");
        activities.MapPost("/held", RecordHeldAsync).WithName("RecordActivityHeld").Writes().FindsById().GuardedByVersion()
            .WithSummary("Records a planned activity as held, with the version you read: on the planned day unless occurredOn says another, with its hours and (when given) notes. Only then does it count.");
        activities.MapGet("/history", HistoryAsync).WithName("GetActivityHistory").FindsById()
            .WithSummary("Lists an activity's versions, the current (or removed) one first, with when each was entered and replaced (the read is audited).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ActivityResponse>>> ListAsync(Guid enrolmentId, BrobyggeDb db, CancellationToken cancellationToken)
    {
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        var activities = await db.Activities.AsNoTracking().Where(a => a.EnrolmentId == enrolmentId)
            .OrderByDescending(a => a.OccurredOn).ThenByDescending(a => a.Id)
            .Select(Projection).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ActivityResponse>>(activities);
    }

    private static async Task<Ok<ActivityResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The activity");
        await db.RecordEnrolmentReadAsync(activity.EnrolmentId, cancellationToken);
        return TypedResults.Ok(activity);
    }

    private static async Task<Results<Created<ActivityResponse>, ValidationProblem>> AddAsync(Guid enrolmentId, ActivityInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await ActivityOperations.AddAsync(db, enrolmentId, input, time.Today(), problems, cancellationToken) is not { } activity)
            return ApiProblems.Validation(problems);
        return TypedResults.Created($"{ApiSetup.Prefix}/activities/{activity.Id}", ToResponse(activity));
    }

    private static async Task<Results<Ok<ActivityResponse>, ValidationProblem>> UpdateAsync(Guid id, ActivityInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await ActivityOperations.UpdateAsync(db, id, input, time.Today(), problems, cancellationToken) is not { } activity)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(ToResponse(activity));
    }

    private static async Task<Results<Ok<ActivityResponse>, ValidationProblem>> RecordHeldAsync(Guid id, HeldInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await HoldingActivities.RecordHeldAsync(db, id, input, time.Today(), problems, cancellationToken) is not { } activity)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(ToResponse(activity));
    }

    private static async Task<Results<NoContent, ValidationProblem>> RemoveAsync(Guid id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RemovalInput? input, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await RecordOperations.RemoveAsync<Activity>(db, id, input ?? new RemovalInput(), "The activity", problems, cancellationToken) is null)
            return ApiProblems.Validation(problems);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ActivityVersionResponse>>> HistoryAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var versions = await RecordOperations.VersionsAsync<Activity>(db, id, cancellationToken) ?? throw new NotFoundException("The activity");
        await db.RecordEnrolmentReadAsync(versions[0].EnrolmentId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ActivityVersionResponse>>(versions.Select(ToVersion).ToList());
    }
}
