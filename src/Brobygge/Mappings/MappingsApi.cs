using System.Globalization;
using Brobygge.Api;
using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Mappings;

/// <summary>Competence mappings in the API: the versions of an enrolment's mapping, and a new version with the
/// mapping page's rules (occupations and skills given by their taxonomy labels, as in the form).</summary>
public static class MappingsApi
{
    public const string Tag = "Mappings";

    public sealed record ExperienceResponse(string OccupationId, string Label, double Years);
    public sealed record LanguageResponse(string Code, LanguageLevel Level);
    public sealed record SkillResponse(string ConceptId, string Label);

    public sealed record MappingResponse(Guid Id, Guid EnrolmentId, int Number, DateOnly MappedOn, DateTime RecordedAt,
        string? EducationField, string? EducationCountry, DegreeRecognition? DegreeRecognition,
        IReadOnlyList<ExperienceResponse> Experience, IReadOnlyList<LanguageResponse> Languages,
        IReadOnlyList<SkillResponse> Skills, IReadOnlyList<string> DrivingLicences, string? Goals, string? Obstacles);

    /// <summary>A new version: <c>basedOn</c> is the number of the latest version the client read (0 before the first).</summary>
    public sealed record NewMappingRequest(int BasedOn, MappingInput Mapping);

    public static RouteGroupBuilder MapMappingsApi(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{enrolmentId:guid}/mappings").WithTags(Tag);
        ofEnrolment.MapGet("/", ListAsync).WithName("ListMappings").FindsById()
            .WithSummary("Lists every version of the participant's competence mapping, newest first (the read is audited).");
        ofEnrolment.MapPost("/", AddAsync).WithName("AddMappingVersion").Writes().FindsById()
            .Produces(StatusCodes.Status409Conflict)
            .WithSummary("Saves a new mapping version after the one given as basedOn; 409 if someone saved another version since.");
        api.MapGet("/mappings/{id:guid}", GetAsync).WithTags(Tag).WithName("GetMapping").FindsById()
            .WithSummary("Reads one mapping version (the read is audited).");
        return api;
    }

    private static MappingResponse ToResponse(Mapping m) => new(m.Id, m.EnrolmentId, m.Number, m.MappedOn, m.RecordedAt,
        m.EducationField, m.EducationCountry, m.DegreeRecognition,
        m.Experience.Select(e => new ExperienceResponse(e.OccupationId, e.Label, e.Years)).ToList(),
        m.Languages.Select(l => new LanguageResponse(l.Code, l.Level)).ToList(),
        m.Skills.Select(s => new SkillResponse(s.ConceptId, s.Label)).ToList(), m.DrivingLicences, m.Goals, m.Obstacles);

    private static async Task<Ok<IReadOnlyList<MappingResponse>>> ListAsync(Guid enrolmentId, BrobyggeDb db, CancellationToken cancellationToken)
    {
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        var versions = await db.Mappings.AsNoTracking().Where(m => m.EnrolmentId == enrolmentId).OrderByDescending(m => m.Number).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MappingResponse>>(versions.Select(ToResponse).ToList());
    }

    private static async Task<Ok<MappingResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var mapping = await db.Mappings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, cancellationToken)
            ?? throw new NotFoundException("The mapping");
        await db.RecordEnrolmentReadAsync(mapping.EnrolmentId, cancellationToken);
        return TypedResults.Ok(ToResponse(mapping));
    }

    private static async Task<Results<Created<MappingResponse>, ValidationProblem>> AddAsync(Guid enrolmentId, NewMappingRequest request,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var enrolment = await MappedEnrolment.FindAsync(db, enrolmentId, cancellationToken) ?? throw new NotFoundException("The enrolment");
        var latest = await enrolment.LatestAsync(db, cancellationToken);
        if (!MappingOperations.StartsFromLatest(latest, request.BasedOn))
            throw new ConflictException("The mapping");
        var problems = new Problems();
        ApiProblems.CheckAttributes(request.Mapping, "Mapping.", problems);
        var today = time.Today();
        var mapping = await request.Mapping.ValidateAsync("Mapping.", (field, message, arguments) =>
            problems.Add(field, string.Format(CultureInfo.InvariantCulture, message, arguments)), today, latest, db, cancellationToken);
        if (mapping is null || problems.Any)
            return ApiProblems.Validation(problems);
        var saved = await MappingOperations.SaveVersionAsync(db, enrolment, mapping, request.BasedOn, time.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.Created($"{ApiSetup.Prefix}/mappings/{saved.Id}", ToResponse(saved));
    }
}
