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

    [StringLength(40, ErrorMessage = "The phone number can be at most 40 characters.")]
    public string? Phone { get; set; }

    [StringLength(200, ErrorMessage = "The e-mail address can be at most 200 characters.")]
    public string? Email { get; set; }

    [StringLength(100, ErrorMessage = "The district can be at most 100 characters.")]
    public string? District { get; set; }

    /// <summary>More languages than anyone speaks: the list is bounded like every input list.</summary>
    public const int MaxLanguages = 20;

    /// <summary>ISO 639 codes separated by commas or spaces, mother tongue first.</summary>
    public string? Languages { get; set; }

    public SwedishLevel? SwedishLevel { get; set; }

    [Range(0, 8, ErrorMessage = "The education level is an ISCED level from 0 to 8.")]
    public int? EducationLevel { get; set; }

    public static ParticipantInput From(Person person, string? identityNumber) => new()
    {
        FirstName = person.FirstName, LastName = person.LastName, Gender = person.Gender, IdentityNumber = identityNumber,
        BirthDate = person.BirthDate, Phone = person.Phone, Email = person.Email, District = person.District,
        Languages = string.Join(", ", person.Languages), SwedishLevel = person.SwedishLevel, EducationLevel = person.EducationLevel,
    };

    /// <summary>Checks the cross-field rules; adds each problem under its field. Returns the parsed identity
    /// number, if one was given and is valid.</summary>
    public async Task<PersonalIdentityNumber?> ValidateAsync(string prefix, Action<string, string> addError, DateOnly today,
        BrobyggeDb db, IdentityNumberProtector protector, Guid? personId, CancellationToken cancellationToken)
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

        if (!string.IsNullOrWhiteSpace(Email) && (!MailAddress.TryCreate(Email.Trim(), out var address) || address.Address != Email.Trim()))
            addError(prefix + nameof(Email), "Enter an e-mail address like name@example.se.");
        if (LanguageCodes() is not { } codes)
            addError(prefix + nameof(Languages), "Languages are ISO 639 codes of 2 or 3 letters, separated by commas, e.g. ar, sv.");
        else if (codes.Count > MaxLanguages)
            addError(prefix + nameof(Languages), "List at most 20 languages.");

        if (number is { } unique)
        {
            // The blind index finds the person without decrypting anyone; it ignores access filters so that
            // a duplicate someone else registered is still refused.
            var index = await protector.IndexAsync(unique, cancellationToken);
            if (await db.Persons.IgnoreQueryFilters().AnyAsync(p => p.OrganisationId == db.Scope.OrganisationId && p.IdentityNumberIndex == index && p.Id != personId, cancellationToken))
                addError(prefix + nameof(IdentityNumber), "A person with this identity number is already registered.");
        }
        return number;
    }

    /// <summary>The language codes, lower-cased, or null when one of them is not a code.</summary>
    public List<string>? LanguageCodes()
    {
        var codes = (Languages ?? "").Split([',', ' ', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToLowerInvariant()).Distinct().ToList();
        return codes.All(LanguageCode.IsValid) ? codes : null;
    }

    /// <summary>Copies validated input onto the person.</summary>
    public async Task ApplyToAsync(Person person, PersonalIdentityNumber? number, IdentityNumberProtector protector, CancellationToken cancellationToken)
    {
        person.FirstName = FirstName!.Trim();
        person.LastName = LastName!.Trim();
        person.Gender = Gender!.Value;
        person.BirthDate = number?.BirthDate ?? BirthDate!.Value;
        person.Phone = Blank(Phone);
        person.Email = Blank(Email);
        person.District = Blank(District);
        person.Languages = LanguageCodes() ?? [];
        person.SwedishLevel = SwedishLevel;
        person.EducationLevel = EducationLevel;
        person.IdentityNumberCipher = number is { } n ? protector.Protect(n) : null;
        person.IdentityNumberIndex = number is { } m ? await protector.IndexAsync(m, cancellationToken) : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
