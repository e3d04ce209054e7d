using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Consents;

/// <summary>A participant's consents in the API: every dated event, and where each purpose stands today.</summary>
public static class ConsentsApi
{
    public const string Tag = "Consents";

    public sealed record ConsentEventResponse(Guid Id, int Number, ConsentPurpose Purpose, Guid? PartnerId, ConsentChange Change, DateOnly On,
        ConsentMethod How, string? FormReference, string? Witness, Guid? ReceivedById, LegalBasis Basis, DateTime RecordedAt);

    /// <summary><c>latest</c> is what a new event sends as <c>basedOn</c>.</summary>
    public sealed record ConsentsResponse(Guid PersonId, int Latest, DateOnly Today, IReadOnlyList<ConsentStanding> Standing,
        IReadOnlyList<ConsentEventResponse> Events);

    public static RouteGroupBuilder MapConsentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/participants/{personId:guid}/consents", ListAsync).WithTags(Tag).WithName("ListConsents").FindsById()
            .WithSummary("Lists a participant's consent events and where each purpose stands today (the read is audited).");
        api.MapPost("/participants/{personId:guid}/consents", RecordAsync).WithTags(Tag).WithName("RecordConsent").Writes().FindsById()
            .Produces(StatusCodes.Status409Conflict)
            .WithSummary("Records a consent given or withdrawn for one purpose, dated, with how and the legal basis; "
                + "basedOn is the latest event number read, and 409 answers when someone recorded another since.");
        return api;
    }

    private static ConsentEventResponse ToResponse(Consent c) => new(c.Id, c.Number, c.Purpose, c.PartnerId, c.Change, c.On, c.How,
        c.FormReference, c.Witness, c.ReceivedById, c.Basis, c.RecordedAt);

    private static async Task<Ok<ConsentsResponse>> ListAsync(Guid personId, BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var events = await ConsentOperations.OfAsync(db, personId, cancellationToken);
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == personId, cancellationToken);
        await db.RecordReadAsync(person, cancellationToken);
        var today = time.Today();
        return TypedResults.Ok(new ConsentsResponse(personId, events.Count == 0 ? 0 : events.Max(c => c.Number), today,
            ConsentRules.StandingOn([.. events], today), events.Select(ToResponse).ToList()));
    }

    private static async Task<Results<Created<ConsentEventResponse>, ValidationProblem>> RecordAsync(Guid personId, ConsentInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await ConsentOperations.RecordAsync(db, personId, input, time.Today(), time.GetUtcNow().UtcDateTime, problems, cancellationToken) is not { } consent)
            return ApiProblems.Validation(problems);
        return TypedResults.Created($"{ApiSetup.Prefix}/participants/{personId}/consents", ToResponse(consent));
    }
}
