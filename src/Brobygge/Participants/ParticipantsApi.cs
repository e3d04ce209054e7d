using System.Text.RegularExpressions;
using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Data;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>Persons in the API: search, read (audited) and edit, with the rules of the participant pages.</summary>
public static partial class ParticipantsApi
{
    public const string Tag = "Participants";

    /// <summary>A person's fields, as the participant form has them.</summary>
    public record PersonRequest
    {
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public Gender? Gender { get; init; }

        /// <summary>Personnummer or samordningsnummer, 10 or 12 digits, with or without - or +.</summary>
        public string? IdentityNumber { get; init; }

        /// <summary>Needed when there is no identity number; must agree with it when there is one.</summary>
        public DateOnly? BirthDate { get; init; }

        /// <summary>An asylum seeker's LMA card number: eight digits, NN-NNNNNN or NNNNNNNN (a card serial "/1" may follow).</summary>
        public string? LmaNumber { get; init; }

        /// <summary>Four-digit code of the home municipality, e.g. 1283 (a name is understood too).</summary>
        public string? MunicipalityCode { get; init; }
        public string? Phone { get; init; }
        public string? Email { get; init; }
        public string? District { get; init; }

        /// <summary>ISO 639 codes, mother tongue first.</summary>
        public IReadOnlyList<string>? Languages { get; init; }
        public SwedishLevel? SwedishLevel { get; init; }

        /// <summary>ISCED 2011 level 0–8.</summary>
        public int? EducationLevel { get; init; }

        public ParticipantInput ToInput() => new()
        {
            FirstName = FirstName, LastName = LastName, Gender = Gender, IdentityNumber = IdentityNumber, BirthDate = BirthDate,
            LmaNumber = LmaNumber, MunicipalityCode = MunicipalityCode,
            Phone = Phone, Email = Email, District = District, Languages = Languages is null ? null : string.Join(",", Languages),
            SwedishLevel = SwedishLevel, EducationLevel = EducationLevel,
        };
    }

    /// <summary>All the person's fields (what is left out is cleared), with the version they were read at.</summary>
    public sealed record ParticipantUpdateRequest : PersonRequest
    {
        public Guid? Version { get; init; }
    }

    /// <summary>A search in the body, so an identity number stays out of URLs and access logs.</summary>
    public sealed record ParticipantSearchRequest
    {
        /// <summary>A name, a reference or an identity number.</summary>
        public string? Query { get; init; }
        public int? Page { get; init; }
        public int? PageSize { get; init; }
    }

    public sealed record ParticipantEnrolment(Guid Id, Guid ProjectId, string ProjectName, string Reference, LabourStatusAtEntry StatusAtEntry,
        DateOnly EnrolledOn, DateOnly? ExitedOn, ExitReason? ExitReason);

    public sealed record ParticipantSummary(Guid Id, string FirstName, string LastName, Gender Gender, DateOnly BirthDate,
        IReadOnlyList<ParticipantEnrolment> Enrolments);

    /// <summary>A person; the identity number decrypted and written YYYYMMDD-NNNC.</summary>
    public sealed record ParticipantResponse(Guid Id, string FirstName, string LastName, Gender Gender, DateOnly BirthDate, string? IdentityNumber,
        string? Phone, string? Email, string? District, IReadOnlyList<string> Languages, SwedishLevel? SwedishLevel, int? EducationLevel,
        IReadOnlyList<ParticipantEnrolment> Enrolments, Guid Version)
    {
        /// <summary>The LMA number, decrypted, NN-NNNNNN.</summary>
        public string? LmaNumber { get; init; }

        /// <summary>Four-digit code of the home municipality.</summary>
        public string? MunicipalityCode { get; init; }
    }

    public static RouteGroupBuilder MapParticipantsApi(this RouteGroupBuilder api)
    {
        var participants = api.MapGroup("/participants").WithTags(Tag);
        participants.MapGet("/", ListAsync).WithName("ListParticipants")
            .WithSummary("Lists the participants you may see, by name; q searches names and references (identity numbers: POST /participants/search).");
        participants.MapPost("/search", SearchAsync).WithName("SearchParticipants")
            .WithSummary("Searches the participants you may see by name, reference or identity number, given in the body.");
        participants.MapGet("/{personId:guid}", GetAsync).WithName("GetParticipant").FindsById()
            .WithSummary("Reads a person with their enrolments (the read is audited).");
        participants.MapPut("/{personId:guid}", UpdateAsync).WithName("UpdateParticipant").Writes().FindsById().GuardedByVersion()
            .WithSummary("Replaces a person's fields; send them all, with the version you read.");
        return api;
    }

    private static Task<Results<Ok<ListPage<ParticipantSummary>>, ValidationProblem>> ListAsync(string? q, int? page, int? pageSize,
        BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (LooksLikeIdentityNumber(q))
        {
            var problems = new Problems();
            problems.Add("q", "Search identity numbers with POST /api/v1/participants/search, so the number stays out of URLs and logs.");
            return Task.FromResult<Results<Ok<ListPage<ParticipantSummary>>, ValidationProblem>>(ApiProblems.Validation(problems));
        }
        return FindAsync(q, page, pageSize, db, protector, time, cancellationToken);
    }

    /// <summary>Six or eight digits, maybe - or +, four digits: a personnummer or samordningsnummer, valid or not.</summary>
    private static bool LooksLikeIdentityNumber(string? text)
        => text is not null && IdentityNumberShape().IsMatch(text);

    [GeneratedRegex(@"^\s*(\d{6}|\d{8})\s*[-+]?\s*\d{4}\s*$")]
    private static partial Regex IdentityNumberShape();

    private static Task<Results<Ok<ListPage<ParticipantSummary>>, ValidationProblem>> SearchAsync(ParticipantSearchRequest request,
        BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, CancellationToken cancellationToken)
        => FindAsync(request.Query, request.Page, request.PageSize, db, protector, time, cancellationToken);

    private static async Task<Results<Ok<ListPage<ParticipantSummary>>, ValidationProblem>> FindAsync(string? q, int? page, int? pageSize,
        BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (ApiReads.Paging(page, pageSize, problems) is not { } paging)
            return ApiProblems.Validation(problems);
        // Participants are persons with an enrolment the user may see; the query filters decide which.
        var query = db.Persons.AsNoTracking().Where(p => p.Enrolments.Any());
        var search = q?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            if (PersonalIdentityNumber.TryParse(search, time.Today(), out var number, out _))
            {
                var index = await protector.IndexAsync(number, cancellationToken);
                query = query.Where(p => p.IdentityNumberIndex == index);
            }
            else
            {
                var pattern = search.ToLowerInvariant();
                query = query.Where(p => (p.FirstName + " " + p.LastName).ToLower().Contains(pattern)
                    || p.Enrolments.Any(e => e.Reference.ToLower().Contains(pattern)));
            }
        }
        var rows = query
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id)
            .Select(p => new ParticipantSummary(p.Id, p.FirstName, p.LastName, p.Gender, p.BirthDate,
                p.Enrolments.OrderBy(e => e.EnrolledOn)
                    .Select(e => new ParticipantEnrolment(e.Id, e.ProjectId, e.Project!.Name, e.Reference, e.StatusAtEntry, e.EnrolledOn, e.ExitedOn, e.ExitReason))
                    .ToList()));
        var shown = await ApiReads.PageAsync(rows, paging, cancellationToken);
        await db.RecordListReadAsync(shown.Items.Select(p => p.Id), cancellationToken);
        return TypedResults.Ok(shown);
    }

    private static async Task<Ok<ParticipantResponse>> GetAsync(Guid personId, BrobyggeDb db, IdentityNumberProtector protector, CancellationToken cancellationToken)
    {
        // The query filter answers "not found" for a person this user may not see: no IDOR.
        var person = await db.Persons.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new NotFoundException("The participant");
        var response = await ResponseAsync(db, protector, person, cancellationToken);
        await db.RecordReadAsync(person, cancellationToken);
        return TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<ParticipantResponse>, ValidationProblem>> UpdateAsync(Guid personId, ParticipantUpdateRequest request,
        BrobyggeDb db, IdentityNumberProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var person = await db.Persons.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
            ?? throw new NotFoundException("The participant");
        var problems = new Problems();
        problems.RequireVersion(request.Version);
        var input = request.ToInput();
        var number = await CheckPersonAsync(input, "", problems, time.Today(), db, protector, person.Id, cancellationToken);
        if (problems.Any)
            return ApiProblems.Validation(problems);

        if (!await PersonOperations.UpdateAsync(db, protector, person, input, number, request.Version!.Value,
                nameof(ParticipantInput.IdentityNumber), problems.Add, cancellationToken))
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(await ResponseAsync(db, protector, person, cancellationToken));
    }

    /// <summary>Checks a person as the participant form does: the field attributes, then the rules that need more
    /// (identity number, birth date, duplicates). Returns the parsed identity number, if any.</summary>
    internal static async Task<PersonalIdentityNumber?> CheckPersonAsync(ParticipantInput input, string prefix, Problems problems, DateOnly today,
        BrobyggeDb db, IdentityNumberProtector protector, Guid? personId, CancellationToken cancellationToken)
    {
        ApiProblems.CheckAttributes(input, prefix, problems);
        return await input.ValidateAsync(prefix, problems.Add, today, db, protector, personId, cancellationToken);
    }

    private static async Task<ParticipantResponse> ResponseAsync(BrobyggeDb db, IdentityNumberProtector protector, Person person, CancellationToken cancellationToken)
    {
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == person.Id).OrderBy(e => e.EnrolledOn)
            .Select(e => new ParticipantEnrolment(e.Id, e.ProjectId, e.Project!.Name, e.Reference, e.StatusAtEntry, e.EnrolledOn, e.ExitedOn, e.ExitReason))
            .ToListAsync(cancellationToken);
        return new ParticipantResponse(person.Id, person.FirstName, person.LastName, person.Gender, person.BirthDate, protector.Reveal(person.IdentityNumberCipher),
            person.Phone, person.Email, person.District, person.Languages, person.SwedishLevel, person.EducationLevel, enrolments, person.Version)
        {
            LmaNumber = person.LmaNumberCipher is { } lma ? protector.Unprotect(lma) : null,
            MunicipalityCode = person.MunicipalityCode,
        };
    }
}
