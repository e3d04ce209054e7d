using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>An enrolment's facts at entry in the API: read them, and correct them (audited) with the version read.</summary>
public static class EntryFactsApi
{
    /// <summary>The facts at entry; <c>thirdCountryNational</c>, <c>longTermUnemployed</c> and <c>foreignBackground</c>
    /// are derived (null when the facts do not tell). Codes: ISO 3166-1 alpha-2 countries (or "stateless"),
    /// four-digit municipality codes.</summary>
    public sealed record EntryFactsResponse(Gender Gender, int AgeAtEntry, int? EducationLevel, LabourStatusAtEntry StatusAtEntry,
        DateOnly? UnemployedSince, bool? LongTermUnemployed, IReadOnlyList<string> Citizenship, bool? ThirdCountryNational,
        string? CountryOfBirth, ParentsBornAbroad? ParentsBornAbroad, bool? ForeignBackground, string? MunicipalityCode, Guid Version);

    public static RouteGroupBuilder MapEntryFactsApi(this RouteGroupBuilder api)
    {
        var facts = api.MapGroup("/enrolments/{id:guid}/facts-at-entry").WithTags(EnrolmentsApi.Tag);
        facts.MapGet("/", GetAsync).WithName("GetFactsAtEntry").FindsById()
            .WithSummary("Reads the enrolment's own facts at entry, which reports count (the read is audited).");
        facts.MapPut("/", CorrectAsync).WithName("CorrectFactsAtEntry").Writes().FindsById().GuardedByVersion()
            .WithSummary("Corrects the facts at entry: send them all, with the enrolment's version. The one way to change them; audited.")
            .WithDescription("Editing the person never changes these. unemployedSince must agree with statusAtEntry: long-term "
                + "unemployed means more than 6 months before entry under 25, more than 12 months from 25.");
        return api;
    }

    public static EntryFactsResponse ToResponse(Enrolment e) => new(e.GenderAtEntry, e.AgeAtEntry, e.EducationLevelAtEntry, e.StatusAtEntry,
        e.UnemployedSince, e.UnemployedSince is { } since ? EntryFacts.IsLongTermUnemployed(since, e.EnrolledOn, e.AgeAtEntry) : null,
        e.Citizenship, e.IsThirdCountryNational, e.CountryOfBirth, e.ParentsBornAbroad, e.HasForeignBackground, e.MunicipalityAtEntry, e.Version);

    private static async Task<Ok<EntryFactsResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        await db.RecordEnrolmentReadAsync(id, cancellationToken);
        return TypedResults.Ok(ToResponse(enrolment));
    }

    private static async Task<Results<Ok<EntryFactsResponse>, ValidationProblem>> CorrectAsync(Guid id, EntryFactsInput input,
        BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await EntryFactsOperations.CorrectAsync(db, id, input, problems, cancellationToken) is not { } enrolment)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(ToResponse(enrolment));
    }
}
