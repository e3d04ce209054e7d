using Brobygge.Api;
using Brobygge.Auditing;
using Brobygge.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Journal;

/// <summary>A participant's journal in the API: dated notes with their author, corrected with history kept.</summary>
public static class JournalApi
{
    public const string Tag = "Journal";

    public sealed record JournalNoteResponse(Guid Id, Guid EnrolmentId, DateOnly WrittenOn, string Text, Guid? AuthorId, string? Author, Guid Version);

    public static RouteGroupBuilder MapJournalApi(this RouteGroupBuilder api)
    {
        var ofEnrolment = api.MapGroup("/enrolments/{enrolmentId:guid}/journal").WithTags(Tag);
        ofEnrolment.MapGet("/", ListAsync).WithName("ListJournalNotes").FindsById()
            .WithSummary("Lists a participant's journal, the latest note first (the read is audited).");
        ofEnrolment.MapPost("/", WriteAsync).WithName("WriteJournalNote").Writes().FindsById()
            .WithSummary("Writes a dated note in the participant's journal; the signed-in user is its author.");

        var notes = api.MapGroup("/journal/{id:guid}").WithTags(Tag);
        notes.MapPut("/", CorrectAsync).WithName("CorrectJournalNote").Writes().FindsById().GuardedByVersion()
            .WithSummary("Corrects a journal note, with the version you read. The content it replaces is kept as history.");
        return api;
    }

    private static IQueryable<JournalNoteResponse> Responses(BrobyggeDb db, IQueryable<JournalNote> notes)
        => notes.Select(n => new JournalNoteResponse(n.Id, n.EnrolmentId, n.WrittenOn, n.Text, n.AuthorId,
            db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName).FirstOrDefault(), n.Version));

    private static async Task<Ok<IReadOnlyList<JournalNoteResponse>>> ListAsync(Guid enrolmentId, BrobyggeDb db, CancellationToken cancellationToken)
    {
        await db.RecordEnrolmentReadAsync(enrolmentId, cancellationToken);
        var notes = await Responses(db, db.JournalNotes.AsNoTracking().Where(n => n.EnrolmentId == enrolmentId)
            .OrderByDescending(n => n.WrittenOn).ThenByDescending(n => n.Id)).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<JournalNoteResponse>>(notes);
    }

    private static async Task<Results<Created<JournalNoteResponse>, ValidationProblem>> WriteAsync(Guid enrolmentId, JournalInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await JournalOperations.WriteAsync(db, enrolmentId, input, time.Today(), problems, cancellationToken) is not { } note)
            return ApiProblems.Validation(problems);
        var response = await Responses(db, db.JournalNotes.AsNoTracking().Where(n => n.Id == note.Id)).SingleAsync(cancellationToken);
        return TypedResults.Created($"{ApiSetup.Prefix}/journal/{note.Id}", response);
    }

    private static async Task<Results<Ok<JournalNoteResponse>, ValidationProblem>> CorrectAsync(Guid id, JournalInput input,
        BrobyggeDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new Problems();
        if (await JournalOperations.CorrectAsync(db, id, input, time.Today(), problems, cancellationToken) is not { } note)
            return ApiProblems.Validation(problems);
        return TypedResults.Ok(await Responses(db, db.JournalNotes.AsNoTracking().Where(n => n.Id == note.Id)).SingleAsync(cancellationToken));
    }
}
