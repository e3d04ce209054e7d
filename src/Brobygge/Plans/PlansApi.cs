using System.Linq.Expressions;
using Brobygge.Api;
using Brobygge.Data;
using Brobygge.Enrolments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Plans;

/// <summary>The individual plan in the API: its steps, added and updated with the plan pages' rules.</summary>
public static class PlansApi
{
    public const string Tag = "Plan steps";

    public sealed record PlanStepResponse(Guid Id, Guid EnrolmentId, string Title, string? Owner, DateOnly? DueOn, PlanStepStatus Status, Guid Version);

    private static readonly Expression<Func<PlanStep, PlanStepResponse>> Projection
        = s => new PlanStepResponse(s.Id, s.EnrolmentId, s.Title, s.Owner, s.DueOn, s.Status, s.Version);

    private static readonly Func<PlanStep, PlanStepResponse> ToResponse = Projection.Compile();

    /// <summary>One version of a plan step: its content, when it was entered and by whom, and when a correction
    /// replaced it or a removal ended it (with the reason).</summary>
    public sealed record PlanStepVersionResponse(PlanStepResponse Step, DateTime RecordedAt, Guid? RecordedById, RecordOrigin Origin,
        DateTime? SupersededAt, DateTime? RemovedAt, Guid? RemovedById, string? RemovalReason);

    private static PlanStepVersionResponse ToVersion(PlanStep s)
        => new(ToResponse(s) with { Id = s.HistoryOf ?? s.Id }, DateTime.SpecifyKind(s.RecordedAt, DateTimeKind.Utc), s.RecordedById, s.Origin,
            Utc(s.SupersededAt), Utc(s.RemovedAt), s.RemovedById, s.RemovalReason);

    private static DateTime? Utc(DateTime? instant) => instant is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{enrolmentId:guid}/plan-steps").WithTags(Tag);
        ofEnrolment.MapGet("/", ListAsync).WithName("ListPlanSteps").FindsById()
            .WithSummary("Lists the steps of a participant's individual plan, by due date (the read is audited).");
        ofEnrolment.MapPost("/", AddAsync).WithName("AddPlanStep").Writes().FindsById()
            .WithSummary("Adds a step to the plan: what, who does it, by when; the status starts as Planned unless given.");

        var steps = api.MapGroup("/plan-steps/{id:guid}").WithTags(Tag);
        steps.MapGet("/", GetAsync).WithName("GetPlanStep").FindsById()
            .WithSummary("Reads a plan step (the read is audited).");
        steps.MapPut("/", UpdateAsync).WithName("UpdatePlanStep").Writes().FindsById().GuardedByVersion()
            .WithSummary("Corrects a plan step: replaces its fields, with the version you read. The content it replaces is kept as history.");
        steps.MapDelete("/", RemoveAsync).WithName("RemovePlanStep").Writes().FindsById().GuardedByVersion()
            .WithSummary("Removes a plan step, with the reason and the version you read in the body. It is kept with the reason, shown nowhere from now on.");
        steps.MapGet("/history", HistoryAsync).WithName("GetPlanStepHistory").FindsById()
            .WithSummary("Lists a plan step's versions, the current (or removed) one first, with when each was entered and replaced (the read is audited).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PlanStepResponse>>> ListAsync(Guid enrolmentId, BrobyggeDb db, CancellationToken cancellationToken)
    {
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        var steps = await db.PlanSteps.AsNoTracking().Where(s => s.EnrolmentId == enrolmentId)
            .OrderBy(s => s.DueOn == null).ThenBy(s => s.DueOn).ThenBy(s => s.Id)
            .Select(Projection).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PlanStepResponse>>(steps);
    }

    private static async Task<Ok<PlanStepResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var step = await db.PlanSteps.AsNoTracking().Where(s => s.Id == id).Select(Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The plan step");
        await db.RecordEnrolmentReadAsync(step.EnrolmentId, cancellationToken);
        return TypedResults.Ok(step);
    }

    private static async Task<Results<Created<PlanStepResponse>, ValidationProblem>> AddAsync(Guid enrolmentId, PlanStepInput input,
        BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await PlanOperations.AddAsync(db, enrolmentId, input, problems, cancellationToken) is not { } step)
            return ApiProblems.Validation(problems);
        return TypedResults.Created($"{ApiSetup.Prefix}/plan-steps/{step.Id}", ToResponse(step));
    }

    private static async Task<Results<Ok<PlanStepResponse>, ValidationProblem>> UpdateAsync(Guid id, PlanStepInput input,
        BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await PlanOperations.UpdateAsync(db, id, input, problems, cancellationToken) is not { } step)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(ToResponse(step));
    }

    private static async Task<Results<NoContent, ValidationProblem>> RemoveAsync(Guid id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RemovalInput? input, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await PlanOperations.RemoveAsync(db, id, input ?? new RemovalInput(), problems, cancellationToken) is null)
            return ApiProblems.Validation(problems);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PlanStepVersionResponse>>> HistoryAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var versions = await RecordOperations.VersionsAsync<PlanStep>(db, id, cancellationToken) ?? throw new NotFoundException("The plan step");
        await db.RecordEnrolmentReadAsync(versions[0].EnrolmentId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PlanStepVersionResponse>>(versions.Select(ToVersion).ToList());
    }
}
