using System.Linq.Expressions;
using Brobygge.Api;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Outcomes;

/// <summary>Outcomes in the API: a job or studies, dated when it happened.</summary>
public static class OutcomesApi
{
    public const string Tag = "Outcomes";

    public sealed record OutcomeResponse(Guid Id, Guid EnrolmentId, OutcomeKind Kind, DateOnly StartedOn, DateOnly? EndedOn, string? EmployerName,
        EmploymentType? EmploymentType, double? HoursPerWeek, StudiesType? StudiesType, Guid Version);

    private static readonly Expression<Func<Outcome, OutcomeResponse>> Projection
        = o => new OutcomeResponse(o.Id, o.EnrolmentId, o.Kind, o.StartedOn, o.EndedOn, o.EmployerName, o.EmploymentType, o.HoursPerWeek, o.StudiesType, o.Version);

    private static readonly Func<Outcome, OutcomeResponse> ToResponse = Projection.Compile();

    /// <summary>One version of an outcome: its content, when it was entered and by whom, and when a correction
    /// replaced it or a removal ended it (with the reason).</summary>
    public sealed record OutcomeVersionResponse(OutcomeResponse Outcome, DateTime RecordedAt, Guid? RecordedById, RecordOrigin Origin,
        DateTime? SupersededAt, DateTime? RemovedAt, Guid? RemovedById, string? RemovalReason);

    private static OutcomeVersionResponse ToVersion(Outcome o)
        => new(Readable(ToResponse(o)) with { Id = o.HistoryOf ?? o.Id }, DateTime.SpecifyKind(o.RecordedAt, DateTimeKind.Utc), o.RecordedById, o.Origin,
            Utc(o.SupersededAt), Utc(o.RemovedAt), o.RemovedById, o.RemovalReason);

    private static DateTime? Utc(DateTime? instant) => instant is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;

    /// <summary>JSON has no NaN: hours an earlier version let through (PostgreSQL kept them) read as unknown
    /// instead of failing the whole list.</summary>
    private static OutcomeResponse Readable(OutcomeResponse outcome)
        => outcome.HoursPerWeek is { } hours && !double.IsFinite(hours) ? outcome with { HoursPerWeek = null } : outcome;

    public static RouteGroupBuilder MapOutcomesApi(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{enrolmentId:guid}/outcomes").WithTags(Tag);
        ofEnrolment.MapGet("/", ListAsync).WithName("ListOutcomes").FindsById()
            .WithSummary("Lists a participant's jobs and studies, the latest first (the read is audited).");
        ofEnrolment.MapPost("/", RecordAsync).WithName("RecordOutcome").Writes().FindsById()
            .WithSummary("Records a job (employer, type, hours) or studies (type), from the date it started.");

        var outcomes = api.MapGroup("/outcomes/{id:guid}").WithTags(Tag);
        outcomes.MapGet("/", GetAsync).WithName("GetOutcome").FindsById()
            .WithSummary("Reads an outcome (the read is audited).");
        outcomes.MapPut("/", CorrectAsync).WithName("CorrectOutcome").Writes().FindsById().GuardedByVersion()
            .WithSummary("Corrects an outcome: replaces its fields, with the version you read. The content it replaces is kept as history.");
        outcomes.MapDelete("/", RemoveAsync).WithName("RemoveOutcome").Writes().FindsById().GuardedByVersion()
            .WithSummary("Removes an outcome, with the reason and the version you read in the body. It is kept with the reason, counted nowhere from now on.");
        outcomes.MapGet("/history", HistoryAsync).WithName("GetOutcomeHistory").FindsById()
            .WithSummary("Lists an outcome's versions, the current (or removed) one first, with when each was entered and replaced (the read is audited).");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<OutcomeResponse>>> ListAsync(Guid enrolmentId, BrobyggeDb db, CancellationToken cancellationToken)
    {
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.EnrolmentId == enrolmentId)
            .OrderByDescending(o => o.StartedOn).ThenByDescending(o => o.Id)
            .Select(Projection).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OutcomeResponse>>(outcomes.Select(Readable).ToList());
    }

    private static async Task<Ok<OutcomeResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var outcome = await db.Outcomes.AsNoTracking().Where(o => o.Id == id).Select(Projection).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The outcome");
        await db.RecordEnrolmentReadAsync(outcome.EnrolmentId, cancellationToken);
        return TypedResults.Ok(Readable(outcome));
    }

    private static async Task<Results<Created<OutcomeResponse>, ValidationProblem>> RecordAsync(Guid enrolmentId, OutcomeInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await OutcomeOperations.RecordAsync(db, enrolmentId, input, time.Today(), problems, cancellationToken) is not { } outcome)
            return ApiProblems.Validation(problems);
        return TypedResults.Created($"{ApiSetup.Prefix}/outcomes/{outcome.Id}", ToResponse(outcome));
    }

    private static async Task<Results<Ok<OutcomeResponse>, ValidationProblem>> CorrectAsync(Guid id, OutcomeInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await OutcomeOperations.CorrectAsync(db, id, input, time.Today(), problems, cancellationToken) is not { } outcome)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(Readable(ToResponse(outcome)));
    }

    private static async Task<Results<NoContent, ValidationProblem>> RemoveAsync(Guid id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RemovalInput? input, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await OutcomeOperations.RemoveAsync(db, id, input ?? new RemovalInput(), problems, cancellationToken) is null)
            return ApiProblems.Validation(problems);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<OutcomeVersionResponse>>> HistoryAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var versions = await OutcomeOperations.HistoryAsync(db, id, cancellationToken) ?? throw new NotFoundException("The outcome");
        await db.RecordEnrolmentReadAsync(versions[0].EnrolmentId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OutcomeVersionResponse>>(versions.Select(ToVersion).ToList());
    }
}
