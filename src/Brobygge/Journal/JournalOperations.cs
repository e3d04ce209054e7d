using Brobygge.Data;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Journal;

public sealed class JournalInput
{
    public DateOnly? WrittenOn { get; set; }
    [MultiLine] public string? Text { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>Writing and correcting journal notes; shared by the pages and the API.</summary>
public static class JournalOperations
{
    public const int MaxLength = 4000;

    public static async Task<JournalNote?> WriteAsync(BrobyggeDb db, Guid enrolmentId, JournalInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        Check(input, enrolment.EnrolledOn, today, problems);
        if (problems.Any)
            return null;
        var note = new JournalNote
        {
            OrganisationId = enrolment.OrganisationId, EnrolmentId = enrolment.Id, WrittenOn = input.WrittenOn!.Value, Text = FreeText.Stored(input.Text)!,
            AuthorId = db.Scope.IsSystem ? null : db.Scope.UserId,
        };
        db.JournalNotes.Add(note);
        await db.SaveChangesAsync(cancellationToken);
        return note;
    }

    /// <summary>A correction: the content it replaces stays as history (Data/RecordKeeping.cs).</summary>
    public static async Task<JournalNote?> CorrectAsync(BrobyggeDb db, Guid noteId, JournalInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var note = await db.JournalNotes.Include(n => n.Enrolment).SingleOrDefaultAsync(n => n.Id == noteId, cancellationToken)
            ?? throw new NotFoundException("The journal note");
        problems.RequireVersion(input.Version);
        Check(input, note.Enrolment!.EnrolledOn, today, problems);
        if (problems.Any)
            return null;
        note.WrittenOn = input.WrittenOn!.Value;
        note.Text = FreeText.Stored(input.Text)!;
        await db.SaveEditAsync(note, input.Version!.Value, "The journal note", cancellationToken);
        return note;
    }

    private static void Check(JournalInput input, DateOnly enrolledOn, DateOnly today, Problems problems)
    {
        // A note may tell of the first meeting, before the enrolment; never of a day still to come.
        if (input.WrittenOn is not { } on)
            problems.Add(nameof(input.WrittenOn), "Enter the date.");
        else if (on > today)
            problems.Add(nameof(input.WrittenOn), "A journal note cannot be dated in the future.");
        if (string.IsNullOrWhiteSpace(input.Text))
            problems.Add(nameof(input.Text), "Write the note.");
        problems.CheckLength(nameof(input.Text), input.Text, MaxLength);
    }
}
