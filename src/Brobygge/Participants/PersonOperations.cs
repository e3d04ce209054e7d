using Brobygge.Data;
using Brobygge.Identity;

namespace Brobygge.Participants;

/// <summary>Registering a person and changing their details, shared by the participant and contact pages and the API;
/// the input is checked first by <see cref="ParticipantInput.ValidateAsync"/>.</summary>
public static class PersonOperations
{
    /// <summary>A person the user is about to register, in their organisation; <see cref="ParticipantInput.ApplyToAsync"/>
    /// fills in the rest.</summary>
    public static Person New(BrobyggeDb db)
        => new() { OrganisationId = db.Scope.OrganisationId, FirstName = "", LastName = "", RegisteredById = db.Scope.UserId };

    /// <summary>
    /// Registers a person from checked input together with what they are registered for: <paramref name="saveWith"/>
    /// adds that (a contact, an enrolment) and saves both at once. The identity number is stored encrypted, with its
    /// blind index; a number someone registered between the check and the save is refused under <paramref name="field"/>.
    /// Null, with nothing saved, when the number or <paramref name="saveWith"/> refused.
    /// </summary>
    public static async Task<(Person Person, T Saved)?> RegisterAsync<T>(BrobyggeDb db, IdentityNumberProtector protector, ParticipantInput input,
        PersonalIdentityNumber? number, string field, Action<string, string> addError, Func<Person, Task<T?>> saveWith, CancellationToken cancellationToken)
        where T : class
    {
        var person = New(db);
        await input.ApplyToAsync(person, number, protector, cancellationToken);
        db.Persons.Add(person);
        T? saved = null;
        if (!await ParticipantInput.SaveUniqueAsync(db, person, field, addError, async () => saved = await saveWith(person), cancellationToken) || saved is null)
            return null;
        return (person, saved);
    }

    /// <summary>
    /// Saves checked input over a person the user read at <paramref name="readVersion"/>: a <see cref="ConflictException"/>
    /// if someone saved the person since; false, with the problem under <paramref name="field"/> and nothing saved, when
    /// someone registered the identity number meanwhile.
    /// </summary>
    public static async Task<bool> UpdateAsync(BrobyggeDb db, IdentityNumberProtector protector, Person person, ParticipantInput input,
        PersonalIdentityNumber? number, Guid readVersion, string field, Action<string, string> addError, CancellationToken cancellationToken)
    {
        await input.ApplyToAsync(person, number, protector, cancellationToken);
        return await ParticipantInput.SaveUniqueAsync(db, person, field, addError,
            () => db.SaveEditAsync(person, readVersion, "The participant", cancellationToken), cancellationToken);
    }
}
