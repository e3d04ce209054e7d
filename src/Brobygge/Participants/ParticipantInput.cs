using System.ComponentModel.DataAnnotations;
using System.Net.Mail;
using Brobygge.Data;
using Brobygge.Identity;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Participants;

/// <summary>
/// The person fields of the create and edit forms. Attributes cover single fields; <see cref="ValidateAsync"/>
/// the rules that need more (identity number, birth date agreeing with it, duplicates). Messages are the
/// English keys of the UI's resource file.
/// </summary>
public sealed class ParticipantInput
{
    [Required(ErrorMessage = "Enter the first name."), StringLength(100, ErrorMessage = "The first name can be at most 100 characters.")]
    public string? FirstName { get; set; }

    [Required(ErrorMessage = "Enter the last name."), StringLength(100, ErrorMessage = "The last name can be at most 100 characters.")]
    public string? LastName { get; set; }

    [Required(ErrorMessage = "Choose a gender.")]
    public Gender? Gender { get; set; }

    public string? IdentityNumber { get; set; }

    public DateOnly? BirthDate { get; set; }

    /// <summary>The LMA card number of an asylum seeker (<see cref="LmaNumber"/>).</summary>
    public string? LmaNumber { get; set; }

    /// <summary>The home municipality: its four-digit code or its name.</summary>
    public string? MunicipalityCode { get; set; }

    [StringLength(40, ErrorMessage = "The phone number can be at most 40 characters.")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "The e-mail address can be at most 200 characters.")]
    public string? Email { get; set; }

    [StringLength(100, ErrorMessage = "The district can be at most 100 characters.")]
    public string? District { get; set; }

    /// <summary>More languages than anyone speaks: the list is bounded like every input list.</summary>
    public const int MaxLanguages = 20;

    /// <summary>ISO 639 codes separated by commas or spaces, mother tongue first.</summary>
    [StringLength(200, ErrorMessage = "The languages can be at most 200 characters.")]
    public string? Languages { get; set; }

    public SwedishLevel? SwedishLevel { get; set; }

    [Range(0, 8, ErrorMessage = "The education level is an ISCED level from 0 to 8.")]
    public int? EducationLevel { get; set; }

    public static ParticipantInput From(Person person, string? identityNumber, string? lmaNumber = null) => new()
    {
        FirstName = person.FirstName, LastName = person.LastName, Gender = person.Gender, IdentityNumber = identityNumber,
        BirthDate = person.BirthDate, LmaNumber = lmaNumber, MunicipalityCode = person.MunicipalityCode,
        Phone = person.Phone, Email = person.Email, District = person.District,
        Languages = Codes.Languages.Names(person.Languages), SwedishLevel = person.SwedishLevel, EducationLevel = person.EducationLevel,
    };

    /// <summary>Checks the cross-field rules; adds each problem under its field. Returns the parsed identity
    /// number, if one was given and is valid.</summary>
    public async Task<PersonalIdentityNumber?> ValidateAsync(string prefix, Action<string, string> addError, DateOnly today,
        BrobyggeDb db, IdentityNumberProtector protector, Guid? personId, CancellationToken cancellationToken)
    {
        var number = Validate(prefix, addError, today);
        if (number is { } unique && await TakenAsync(db, await protector.IndexAsync(unique, cancellationToken), personId, cancellationToken) is { } taken)
            addError(prefix + nameof(IdentityNumber), taken);
        if (Identity.LmaNumber.TryParse(LmaNumber, out var lma)
            && await LmaTakenAsync(db, await protector.IndexAsync(lma.Value, cancellationToken), personId, cancellationToken) is { } lmaTaken)
            addError(prefix + nameof(LmaNumber), lmaTaken);
        return number;
    }

    /// <summary>The cross-field rules that need no database (the import checks the numbers of a whole file in one query).
    /// Returns the parsed identity number, if one was given and is valid.</summary>
    public PersonalIdentityNumber? Validate(string prefix, Action<string, string> addError, DateOnly today)
    {
        PersonalIdentityNumber? number = null;
        if (!string.IsNullOrWhiteSpace(IdentityNumber))
        {
            if (PersonalIdentityNumber.TryParse(IdentityNumber, today, out var parsed, out var problem))
                number = parsed;
            else
                addError(prefix + nameof(IdentityNumber), PersonalIdentityNumber.Describe(problem));
        }

        if (BirthDate is null && number is null && string.IsNullOrWhiteSpace(IdentityNumber))
            addError(prefix + nameof(BirthDate), "Enter the birth date, or an identity number.");
        else if (BirthDate is { } born && number is { } withNumber && born != withNumber.BirthDate)
            addError(prefix + nameof(BirthDate), "The birth date does not agree with the identity number.");
        else if (BirthDate is { } date && (date > today || date.Year < 1900))
            addError(prefix + nameof(BirthDate), "The birth date must be a real date between 1900 and today.");

        if (!string.IsNullOrWhiteSpace(MunicipalityCode) && Codes.Municipalities.TryFind(MunicipalityCode) is null)
            addError(prefix + nameof(MunicipalityCode), "There is no such municipality. Write its four-digit code (e.g. 1283) or its name (e.g. Helsingborg).");
        if (!string.IsNullOrWhiteSpace(LmaNumber) && !Identity.LmaNumber.TryParse(LmaNumber, out _))
            addError(prefix + nameof(LmaNumber), Identity.LmaNumber.Problem);

        if (!string.IsNullOrWhiteSpace(Email) && (!MailAddress.TryCreate(Email.Trim(), out var address) || address.Address != Email.Trim()))
            addError(prefix + nameof(Email), "Enter an e-mail address like name@example.se.");
        if (LanguageCodes() is not { } codes)
            addError(prefix + nameof(Languages), "Write each language as an ISO 639 code (e.g. ar) or its name (e.g. Arabic), separated by commas.");
        else if (codes.Count > MaxLanguages)
            addError(prefix + nameof(Languages), "List at most 20 languages.");
        return number;
    }

    /// <summary>Said to a user who may not see the person with the number: it does not tell them that the person exists.</summary>
    public const string CannotBeUsed = "This identity number cannot be used here. Ask the project manager for help.";

    /// <summary>Said to a user who can see the person with the number, so they open that person instead.</summary>
    public const string RegisteredAndVisible = "A person you can see already has this identity number: search for it to open their page.";

    /// <summary>Why the number (by its blind index) cannot be another person's, or null when no one else in the
    /// organisation has it.</summary>
    private static async Task<string?> TakenAsync(BrobyggeDb db, string index, Guid? personId, CancellationToken cancellationToken)
    {
        // The blind index finds the person without decrypting anyone; it ignores access filters so that
        // a duplicate someone else registered is still refused.
        if (!await db.BeyondAccess<Person>().AnyAsync(p => p.OrganisationId == db.Scope.OrganisationId && p.IdentityNumberIndex == index && p.Id != personId, cancellationToken))
            return null;
        return await db.Persons.AnyAsync(p => p.IdentityNumberIndex == index && p.Id != personId, cancellationToken) ? RegisteredAndVisible : CannotBeUsed;
    }

    /// <summary>Why the LMA number (by its blind index) cannot be another person's, or null; worded like
    /// <see cref="TakenAsync"/> so that it tells a user who may not see that person nothing about them.</summary>
    private static async Task<string?> LmaTakenAsync(BrobyggeDb db, string index, Guid? personId, CancellationToken cancellationToken)
    {
        if (!await db.BeyondAccess<Person>().AnyAsync(p => p.OrganisationId == db.Scope.OrganisationId && p.LmaNumberIndex == index && p.Id != personId, cancellationToken))
            return null;
        return await db.Persons.AnyAsync(p => p.LmaNumberIndex == index && p.Id != personId, cancellationToken)
            ? "A person you can see already has this LMA number: search for them to open their page."
            : "This LMA number cannot be used here. Ask the project manager for help.";
    }

    /// <summary>
    /// Runs the save of a person checked by <see cref="ValidateAsync"/>. Someone may register the same number between
    /// the check and the save; the unique index refuses it then, and the check's problem goes under
    /// <paramref name="field"/>. False, with nothing saved, in that case.
    /// </summary>
    public static async Task<bool> SaveUniqueAsync(BrobyggeDb db, Person person, string field, Action<string, string> addError, Func<Task> save, CancellationToken cancellationToken)
    {
        try
        {
            await save();
            return true;
        }
        catch (DbUpdateException e) when (person.IdentityNumberIndex is { } index && e.IsUniqueViolation<Person>(db, p => new { p.OrganisationId, p.IdentityNumberIndex }))
        {
            db.ChangeTracker.Clear();
            addError(field, await TakenAsync(db, index, person.Id, cancellationToken) ?? CannotBeUsed);
            return false;
        }
        catch (DbUpdateException e) when (person.LmaNumberIndex is { } index && e.IsUniqueViolation<Person>(db, p => new { p.OrganisationId, p.LmaNumberIndex }))
        {
            db.ChangeTracker.Clear();
            // The field named is the identity number's sibling on the same form.
            addError(field.Replace(nameof(IdentityNumber), nameof(LmaNumber), StringComparison.Ordinal),
                await LmaTakenAsync(db, index, person.Id, cancellationToken) ?? "This LMA number cannot be used here. Ask the project manager for help.");
            return false;
        }
    }

    /// <summary>The codes of the languages listed by code or name, in order, or null when one of them is in no list.
    /// Items are separated by commas (names have spaces: "Centralkurdiska (sorani)"); "ar sv" still reads as two codes.</summary>
    public List<string>? LanguageCodes()
    {
        var codes = new List<string>();
        foreach (var item in (Languages ?? "").Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Codes.Languages.TryFind(item) is { } code)
                codes.Add(code);
            else if (item.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Codes.Languages.TryFind).ToList() is var words && words.All(w => w is not null))
                codes.AddRange(words!);
            else
                return null;
        }
        return codes.Distinct().ToList();
    }

    /// <summary>Copies validated input onto the person.</summary>
    public async Task ApplyToAsync(Person person, PersonalIdentityNumber? number, IdentityNumberProtector protector, CancellationToken cancellationToken)
    {
        person.FirstName = FirstName!.Trim();
        person.LastName = LastName!.Trim();
        person.Gender = Gender!.Value;
        person.BirthDate = number?.BirthDate ?? BirthDate!.Value;
        person.Phone = FreeText.Stored(Phone);
        person.Email = FreeText.Stored(Email);
        person.District = FreeText.Stored(District);
        person.Languages = LanguageCodes() ?? [];
        person.SwedishLevel = SwedishLevel;
        person.EducationLevel = EducationLevel;
        person.IdentityNumberCipher = number is { } n ? protector.Protect(n) : null;
        person.IdentityNumberIndex = number is { } m ? await protector.IndexAsync(m, cancellationToken) : null;
        person.MunicipalityCode = Codes.Municipalities.TryFind(MunicipalityCode)?.Code;
        var lma = Identity.LmaNumber.TryParse(LmaNumber, out var parsed) ? parsed : null;
        person.LmaNumberCipher = lma is { } l ? protector.Protect(l) : null;
        person.LmaNumberIndex = lma is { } k ? await protector.IndexAsync(k, cancellationToken) : null;
    }
}
