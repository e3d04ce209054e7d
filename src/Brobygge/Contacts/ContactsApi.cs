using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Identity;
using Brobygge.Participants;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using static Brobygge.Participants.ParticipantsApi;

namespace Brobygge.Contacts;

/// <summary>Contacts in the API: registering a person met through outreach (a new person and their contact).</summary>
public static class ContactsApi
{
    public const string Tag = "Contacts";

    /// <summary>The person met, and the meeting: project, date, language, bridge-builder, place, notes.</summary>
    public sealed record ContactRequest
    {
        public PersonRequest? Person { get; init; }
        public Guid? ProjectId { get; init; }
        public DateOnly? ContactedOn { get; init; }

        /// <summary>ISO 639 code of the language the contact happened in.</summary>
        public string? Language { get; init; }

        /// <summary>Defaults to the user, when a bridge-builder registers their own contact.</summary>
        public Guid? BridgeBuilderId { get; init; }
        public string? Place { get; init; }
        [MultiLine] public string? Notes { get; init; }

        public ContactInput ToInput() => new()
        {
            ProjectId = ProjectId, ContactedOn = ContactedOn, Language = Language, BridgeBuilderId = BridgeBuilderId, Place = Place, Notes = Notes,
        };
    }

    /// <summary>A contact; <c>enrolmentId</c> is the person's enrolment in the same project, once there is one you may see.</summary>
    public sealed record ContactResponse(Guid Id, Guid PersonId, string FirstName, string LastName, Guid ProjectId, DateOnly ContactedOn,
        string? Language, Guid? BridgeBuilderId, string? Place, string? Notes, Guid? EnrolmentId, Guid Version);

    /// <summary>A correction of a contact: every field of the meeting, with the version you read; it stays in its project.</summary>
    public sealed record ContactCorrection
    {
        public DateOnly? ContactedOn { get; init; }

        /// <summary>ISO 639 code of the language the contact happened in.</summary>
        public string? Language { get; init; }
        public Guid? BridgeBuilderId { get; init; }
        public string? Place { get; init; }
        [MultiLine] public string? Notes { get; init; }
        public Guid? Version { get; init; }

        public ContactInput ToInput() => new()
        {
            ContactedOn = ContactedOn, Language = Language, BridgeBuilderId = BridgeBuilderId, Place = Place, Notes = Notes, Version = Version,
        };
    }

    /// <summary>The content of one version of a contact.</summary>
    public sealed record ContactContent(Guid Id, Guid PersonId, Guid ProjectId, DateOnly ContactedOn, string? Language, Guid? BridgeBuilderId,
        string? Place, string? Notes, Guid Version);

    /// <summary>One version of a contact: its content, when it was entered and by whom, and when a correction replaced it
    /// or a removal ended it (with the reason).</summary>
    public sealed record ContactVersionResponse(ContactContent Contact, DateTime RecordedAt, Guid? RecordedById, RecordOrigin Origin,
        DateTime? SupersededAt, DateTime? RemovedAt, Guid? RemovedById, string? RemovalReason);

    private static ContactVersionResponse ToVersion(Contact c)
        => new(new ContactContent(c.HistoryOf ?? c.Id, c.PersonId, c.ProjectId, c.ContactedOn, c.Language, c.BridgeBuilderId, c.Place, c.Notes, c.Version),
            DateTime.SpecifyKind(c.RecordedAt, DateTimeKind.Utc), c.RecordedById, c.Origin, Utc(c.SupersededAt), Utc(c.RemovedAt), c.RemovedById, c.RemovalReason);

    private static DateTime? Utc(DateTime? instant) => instant is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;

    public static RouteGroupBuilder MapContactsApi(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags(Tag);
        contacts.MapGet("/", ListAsync).WithName("ListContacts")
            .WithSummary("Lists the contacts you may see, the latest first; projectId narrows to one project.");
        contacts.MapGet("/{id:guid}", GetAsync).WithName("GetContact").FindsById()
            .WithSummary("Reads a contact (the read is audited).");
        contacts.MapPost("/", RegisterAsync).WithName("RegisterContact").Writes()
            .WithSummary("Registers a person met through outreach, and the contact; every problem is reported at once and nothing is saved then.")
            .WithDescription("Enrol the person afterwards with POST /api/v1/participants/{personId}/enrolments.");
        contacts.MapPut("/{id:guid}", CorrectAsync).WithName("CorrectContact").Writes().FindsById().GuardedByVersion()
            .WithSummary("Corrects a contact: replaces the meeting's fields, with the version you read; it stays in its project. The content it replaces is kept as history.");
        contacts.MapDelete("/{id:guid}", RemoveAsync).WithName("RemoveContact").Writes().FindsById().GuardedByVersion()
            .WithSummary("Removes a contact, with the reason and the version you read in the body. It is kept with the reason, counted nowhere from now on.");
        contacts.MapGet("/{id:guid}/history", HistoryAsync).WithName("GetContactHistory").FindsById()
            .WithSummary("Lists a contact's versions, the current (or removed) one first, with when each was entered and replaced (the read is audited).");
        return api;
    }

    private static IQueryable<ContactResponse> Responses(BrobyggeDb db, IQueryable<Contact> contacts) => contacts
        .Select(c => new ContactResponse(c.Id, c.PersonId, c.Person!.FirstName, c.Person.LastName, c.ProjectId, c.ContactedOn, c.Language,
            c.BridgeBuilderId, c.Place, c.Notes,
            db.Enrolments.Where(e => e.PersonId == c.PersonId && e.ProjectId == c.ProjectId).Select(e => (Guid?)e.Id).FirstOrDefault(),
            c.Version));

    private static async Task<Results<Ok<ListPage<ContactResponse>>, ValidationProblem>> ListAsync(Guid? projectId, int? page, int? pageSize,
        BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (ApiReads.Paging(page, pageSize, problems) is not { } paging)
            return ApiProblems.Validation(problems);
        var query = db.Contacts.AsNoTracking();
        if (projectId is { } project)
            query = query.Where(c => c.ProjectId == project);
        var ordered = Responses(db, query.OrderByDescending(c => c.ContactedOn).ThenByDescending(c => c.Id));
        var shown = await ApiReads.PageAsync(ordered, paging, cancellationToken);
        await db.RecordListReadAsync(shown.Items.Select(c => c.PersonId), cancellationToken);
        return TypedResults.Ok(shown);
    }

    private static async Task<Ok<ContactResponse>> GetAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var contact = await Responses(db, db.Contacts.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("The contact");
        var person = await db.Persons.AsNoTracking().SingleAsync(p => p.Id == contact.PersonId, cancellationToken);
        await db.RecordReadAsync(person, cancellationToken);
        return TypedResults.Ok(contact);
    }

    private static async Task<Results<Created<ContactResponse>, ValidationProblem>> RegisterAsync(ContactRequest request,
        BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = time.Today();
        var problems = new Problems();
        var personInput = (request.Person ?? new PersonRequest()).ToInput();
        var contactInput = request.ToInput();
        // Person and contact are checked together, so every problem is reported at once; nothing is written then.
        var number = await CheckPersonAsync(personInput, "Person.", problems, today, db, protector, personId: null, cancellationToken);
        await ContactOperations.CheckAsync(db, contactInput, today, problems, cancellationToken);
        if (problems.Any)
            return ApiProblems.Validation(problems);

        if (await PersonOperations.RegisterAsync(db, protector, personInput, number, "Person." + nameof(ParticipantInput.IdentityNumber), problems.Add,
                async person => await ContactOperations.RegisterAsync(db, person, contactInput, cancellationToken), cancellationToken) is not var (person, contact))
            return ApiProblems.Validation(problems);
        var response = new ContactResponse(contact.Id, person.Id, person.FirstName, person.LastName, contact.ProjectId, contact.ContactedOn,
            contact.Language, contact.BridgeBuilderId, contact.Place, contact.Notes, EnrolmentId: null, contact.Version);
        return TypedResults.Created($"{ApiSetup.Prefix}/contacts/{contact.Id}", response);
    }

    private static async Task<Results<Ok<ContactResponse>, ValidationProblem>> CorrectAsync(Guid id, ContactCorrection correction,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await ContactOperations.CorrectAsync(db, id, correction.ToInput(), time.Today(), problems, cancellationToken) is null)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(await Responses(db, db.Contacts.AsNoTracking().Where(c => c.Id == id)).SingleAsync(cancellationToken));
    }

    private static async Task<Results<NoContent, ValidationProblem>> RemoveAsync(Guid id,
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RemovalInput? input, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await ContactOperations.RemoveAsync(db, id, input ?? new RemovalInput(), problems, cancellationToken) is null)
            return ApiProblems.Validation(problems);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<ContactVersionResponse>>> HistoryAsync(Guid id, BrobyggeDb db, CancellationToken cancellationToken)
    {
        var versions = await RecordOperations.VersionsAsync<Contact>(db, id, cancellationToken) ?? throw new NotFoundException("The contact");
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == versions[0].PersonId, cancellationToken)
            ?? throw new NotFoundException("The contact");
        await db.RecordReadAsync(person, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ContactVersionResponse>>(versions.Select(ToVersion).ToList());
    }
}
