using Brobygge.Activities;
using Brobygge.Api;
using Brobygge.Data;
using Brobygge.FollowUps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>Enrolments in the API: enrol (or re-enter), read with milestones, exit.</summary>
public static class EnrolmentsApi
{
    public const string Tag = "Enrolments";

    /// <summary>The dates reports read, one row per enrolment (PRODUCT.md, "Storage and scale").</summary>
    public sealed record Milestones(DateOnly? ContactedOn, DateOnly EnrolledOn, DateOnly? MappedOn, DateOnly? FirstActivityOn,
        DateOnly? FirstInternshipOn, DateOnly? FirstJobOn, DateOnly? FirstStudiesOn, DateOnly? ExitedOn,
        DateOnly? FollowUp6mOn, FollowUpStatus? FollowUp6mStatus);

    public sealed record AssignmentResponse(Guid Id, Guid EnrolmentId, Guid StaffId, string StaffName, AssignmentRole Role, DateOnly StartedOn, DateOnly? EndedOn);

    /// <summary>One period of participation: from entry or re-entry to exit.</summary>
    public sealed record PeriodResponse(DateOnly StartedOn, DateOnly? EndedOn, ExitReason? ExitReason);

    /// <summary>EnrolledOn is the first start and ExitedOn the final exit; every period between them is in Periods.
    /// HoursOfParticipation sums the hours of the held activities.</summary>
    public sealed record EnrolmentResponse(Guid Id, Guid PersonId, Guid ProjectId, string ProjectName, string Reference,
        LabourStatusAtEntry StatusAtEntry, DateOnly EnrolledOn, DateOnly? ExitedOn, ExitReason? ExitReason,
        Milestones Milestones, IReadOnlyList<AssignmentResponse> Assignments, Guid Version,
        IReadOnlyList<PeriodResponse> Periods, double HoursOfParticipation)
    {
        /// <summary>The enrolment's own facts at entry (also at <c>/enrolments/{id}/facts-at-entry</c>).</summary>
        public EntryFactsApi.EntryFactsResponse? FactsAtEntry { get; init; }
    }

    public static RouteGroupBuilder MapEnrolmentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/participants/{personId:guid}/enrolments", EnrolAsync).WithTags(Tag).WithName("EnrolParticipant").Writes().FindsById()
            .WithSummary("Enrols a person in one of your projects; someone who left the project and comes back keeps their enrolment (the ESF rule).")
            .WithDescription("201 with a new enrolment; 200 with the earlier one for a re-entry, its start date unchanged and its exit cleared. "
                + "A coach or bridge-builder who enrols someone is assigned to them.");

        var enrolments = api.MapGroup("/enrolments/{id:guid}").WithTags(Tag);
        enrolments.MapGet("/", GetAsync).WithName("GetEnrolment").FindsById()
            .WithSummary("Reads an enrolment with its milestones and assignments (the read is audited).");
        enrolments.MapPost("/exit", ExitAsync).WithName("ExitEnrolment").Writes().FindsById().GuardedByVersion()
            .WithSummary("Ends the current period of participation; schedules the follow-ups at exit + 4 weeks and exit + 6 months. "
                + "A second exit without re-entry corrects the period's end and moves the follow-ups not yet made; it is refused when a follow-up already recorded would fall outside its window.");
        api.MapEntryFactsApi();
        return api;
    }

    private static async Task<Results<Created<EnrolmentResponse>, Ok<EnrolmentResponse>, ValidationProblem>> EnrolAsync(Guid personId, EnrolInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new NotFoundException("The participant");
        // Only to answer 200 rather than 201 for a re-entry; EnrolAsync decides what happens.
        var reEntry = input.ProjectId is { } projectId && await db.BeyondAccess<Enrolment>()
            .AnyAsync(e => e.OrganisationId == person.OrganisationId && e.ProjectId == projectId && e.PersonId == person.Id, cancellationToken);
        var problems = new Problems();
        var enrolment = await EnrolmentOperations.EnrolAsync(db, person, input, time.Today(), problems, cancellationToken);
        if (enrolment is null)
            return ApiProblems.Validation(problems);
        var response = await FindAsync(db, enrolment.Id, cancellationToken);
        return reEntry ? TypedResults.Ok(response) : TypedResults.Created($"{ApiSetup.Prefix}/enrolments/{enrolment.Id}", response);
    }

    private static async Task<Ok<EnrolmentResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var response = await FindAsync(db, id, cancellationToken);
        await db.RecordEnrolmentReadAsync(id, cancellationToken);
        return TypedResults.Ok(response);
    }

    /// <summary>The exit date and reason, with the enrolment's version as read.</summary>
    private static async Task<Results<Ok<EnrolmentResponse>, ValidationProblem>> ExitAsync(Guid id, ExitInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await EnrolmentOperations.ExitAsync(db, id, input, time.Today(), problems, cancellationToken) is null)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(await FindAsync(db, id, cancellationToken));
    }

    /// <summary>"Not found" for an enrolment the user may not see, before anything else is said about the request.</summary>
    public static async Task EnsureVisibleAsync(BrobyggeDb db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Enrolments.AnyAsync(e => e.Id == id, cancellationToken))
            throw new NotFoundException("The enrolment");
    }

    public static async Task<EnrolmentResponse> FindAsync(BrobyggeDb db, Guid id, CancellationToken cancellationToken)
        => await FindWithoutFactsAsync(db, id, cancellationToken) with
        {
            FactsAtEntry = EntryFactsApi.ToResponse(await db.Enrolments.AsNoTracking().SingleAsync(e => e.Id == id, cancellationToken)),
        };

    private static async Task<EnrolmentResponse> FindWithoutFactsAsync(BrobyggeDb db, Guid id, CancellationToken cancellationToken)
        => await db.Enrolments.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new EnrolmentResponse(e.Id, e.PersonId, e.ProjectId, e.Project!.Name, e.Reference, e.StatusAtEntry, e.EnrolledOn, e.ExitedOn, e.ExitReason,
                new Milestones(e.ContactedOn, e.EnrolledOn, e.MappedOn, e.FirstActivityOn, e.FirstInternshipOn, e.FirstJobOn, e.FirstStudiesOn, e.ExitedOn,
                    e.FollowUp6mOn, e.FollowUp6mStatus),
                e.Assignments.OrderBy(a => a.StartedOn).ThenBy(a => a.Role)
                    .Select(a => new AssignmentResponse(a.Id, a.EnrolmentId, a.StaffId, a.Staff!.DisplayName, a.Role, a.StartedOn, a.EndedOn)).ToList(),
                e.Version,
                e.Periods.Where(p => p.HistoryOf == null && p.RemovedAt == null).OrderBy(p => p.StartedOn)
                    .Select(p => new PeriodResponse(p.StartedOn, p.EndedOn, p.ExitReason)).ToList(),
                e.Activities.Where(a => a.Status == ActivityStatus.Held).Sum(a => a.Hours) ?? 0))
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The enrolment");
}
