using System.Linq.Expressions;
using Brobygge.Api;
using Brobygge.Data;
using Brobygge.Enrolments;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .WithSummary("Replaces a plan step's fields, with the version you read.");
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
}
