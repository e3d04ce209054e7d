using Brobygge.Data;
using Brobygge.Projects;
using Brobygge.Enrolments;
using Brobygge.Identity;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Contacts;

public sealed class ContactInput
{
    public Guid? ProjectId { get; set; }
    public DateOnly? ContactedOn { get; set; }
    public string? Language { get; set; }
    public Guid? BridgeBuilderId { get; set; }
    public string? Place { get; set; }
    [MultiLine] public string? Notes { get; set; }

    /// <summary>For a correction: the version read.</summary>
    public Guid? Version { get; set; }
}

/// <summary>Registering a person met through outreach; shared by the pages and the API.</summary>
public static class ContactOperations
{
    /// <summary>Checks the contact fields; the person is checked by <see cref="ParticipantInput"/>.</summary>
    public static async Task CheckAsync(BrobyggeDb db, ContactInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var project = input.ProjectId is { } projectId
            ? await db.MyProjects().AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken)
            : null;
        if (project is null)
            problems.Add(nameof(input.ProjectId), input.ProjectId is null ? "Choose a project." : "Choose one of your projects.");
        if (input.ContactedOn is not { } on)
            problems.Add(nameof(input.ContactedOn), "Enter the date of the contact.");
        else if (on > today)
            problems.Add(nameof(input.ContactedOn), "The date of the contact cannot be in the future.");
        // The contacted date is the funnel's first step: it never precedes the project (nor is it year 1).
        else if (on < (project?.StartsOn ?? InputRules.EarliestDate))
            problems.Add(nameof(input.ContactedOn), "The date of the contact is before the project started.");
        if (!string.IsNullOrWhiteSpace(input.Language) && Codes.Languages.TryFind(input.Language) is null)
            problems.Add(nameof(input.Language), "There is no such language. Write an ISO 639 code (e.g. ar) or the name (e.g. Arabic).");
        if (input.BridgeBuilderId is { } bridgeBuilder && project is not null
            && !await StaffOperations.StaffOf(db, project.Id, Roles.BridgeBuilder).AnyAsync(u => u.Id == bridgeBuilder, cancellationToken))
            problems.Add(nameof(input.BridgeBuilderId), "Choose a bridge-builder of the project.");
        problems.CheckLength(nameof(input.Place), input.Place, 200);
        problems.CheckLength(nameof(input.Notes), input.Notes, 4000);
    }

    /// <summary>Adds the contact for a person already checked (and possibly not yet saved), and saves both.</summary>
    public static async Task<Contact> RegisterAsync(BrobyggeDb db, Person person, ContactInput input, CancellationToken cancellationToken)
    {
        var contact = new Contact
        {
            OrganisationId = person.OrganisationId, PersonId = person.Id, ProjectId = input.ProjectId!.Value,
            ContactedOn = input.ContactedOn!.Value, Language = Codes.Languages.TryFind(input.Language),
            // A bridge-builder registering their own contact is its bridge-builder unless they say otherwise.
            BridgeBuilderId = input.BridgeBuilderId ?? (db.Scope.Roles.Contains(Roles.BridgeBuilder) ? db.Scope.UserId : null),
            Place = FreeText.Stored(input.Place), Notes = FreeText.Stored(input.Notes),
            RegisteredById = db.Scope.IsSystem ? null : db.Scope.UserId,
            // A contact with someone already enrolled is no lead for the project's other staff to see.
            EnrolledOn = await db.BeyondAccess<Enrolment>().Where(e => e.PersonId == person.Id && e.ProjectId == input.ProjectId)
                .Select(e => (DateOnly?)e.EnrolledOn).SingleOrDefaultAsync(cancellationToken),
        };
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return contact;
    }

    /// <summary>Corrects a contact over the version read: its date, language, bridge-builder, place and notes, with the
    /// rules of registering one; it stays in its project. The content it replaces is kept as history.</summary>
    public static async Task<Contact?> CorrectAsync(BrobyggeDb db, Guid contactId, ContactInput input, DateOnly today, Problems problems, CancellationToken cancellationToken)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken) ?? throw new NotFoundException("The contact");
        if (input.ProjectId is { } projectId && projectId != contact.ProjectId)
            problems.Add(nameof(input.ProjectId), "A contact stays in its project; register a new contact for another project.");
        problems.RequireVersion(input.Version);
        await CheckAsync(db, new ContactInput
        {
            ProjectId = contact.ProjectId, ContactedOn = input.ContactedOn, Language = input.Language, BridgeBuilderId = input.BridgeBuilderId,
            Place = input.Place, Notes = input.Notes,
        }, today, problems, cancellationToken);
        if (problems.Any)
            return null;
        contact.ContactedOn = input.ContactedOn!.Value;
        contact.Language = Codes.Languages.TryFind(input.Language);
        contact.BridgeBuilderId = input.BridgeBuilderId;
        contact.Place = FreeText.Stored(input.Place);
        contact.Notes = FreeText.Stored(input.Notes);
        await db.SaveEditAsync(contact, input.Version!.Value, "The contact", cancellationToken);
        return contact;
    }

    /// <summary>Removes the contact over the version read, kept with the reason (<see cref="RecordOperations.RemoveAsync{T}"/>).</summary>
    public static Task<Contact?> RemoveAsync(BrobyggeDb db, Guid contactId, RemovalInput input, Problems problems, CancellationToken cancellationToken)
        => RecordOperations.RemoveAsync<Contact>(db, contactId, input, "The contact", problems, cancellationToken);
}
