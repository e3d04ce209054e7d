using System.Linq.Expressions;
using Brobygge.Api;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Replaces an activity's fields, with the version you read.");
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
}
