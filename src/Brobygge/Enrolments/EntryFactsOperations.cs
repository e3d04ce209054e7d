using Brobygge.Codes;
using Brobygge.Data;
using Brobygge.Participants;
using Microsoft.EntityFrameworkCore;

namespace Brobygge.Enrolments;

/// <summary>A correction of the facts at entry: all of them, as they should have been recorded, with the version read.</summary>
public sealed class EntryFactsInput
{
    public Gender? Gender { get; set; }
    public int? Age { get; set; }
    public int? EducationLevel { get; set; }
    public LabourStatusAtEntry? StatusAtEntry { get; set; }
    public DateOnly? UnemployedSince { get; set; }

    /// <summary>Country codes or names (a form sends one text with commas), or "stateless".</summary>
    public List<string>? Citizenship { get; set; }
    public string? CountryOfBirth { get; set; }
    public ParentsBornAbroad? ParentsBornAbroad { get; set; }

    /// <summary>Four-digit code or name of the home municipality at entry.</summary>
    public string? MunicipalityCode { get; set; }
    public Guid? Version { get; set; }

    public static EntryFactsInput From(Enrolment e) => new()
    {
        Gender = e.GenderAtEntry, Age = e.AgeAtEntry, EducationLevel = e.EducationLevelAtEntry, StatusAtEntry = e.StatusAtEntry,
        UnemployedSince = e.UnemployedSince, Citizenship = e.Citizenship.Count == 0 ? null : [string.Join(", ", e.Citizenship)],
        CountryOfBirth = e.CountryOfBirth, ParentsBornAbroad = e.ParentsBornAbroad,
        MunicipalityCode = e.MunicipalityAtEntry, Version = e.Version,
    };
}

/// <summary>
/// The facts at entry: taken when a person is enrolled, and afterwards changed only by <see cref="CorrectAsync"/> —
/// a save of the enrolment, so it renews its version and writes its audit event in the same transaction, like every
/// write of personal data. Editing the person never touches them.
/// </summary>
public static class EntryFactsOperations
{
    /// <summary>Checks what the enrol form adds to the person's facts; the person gives gender, age, education and
    /// municipality. Problems go under the <see cref="EnrolInput"/> field names.</summary>
    public static void Check(Person person, EnrolInput input, Problems problems)
    {
        // A person still being registered with a bad birth date has its own problem on the person's form.
        int? age = person.BirthDate != default && input.EnrolledOn is { } on ? EntryFacts.AgeOn(person.BirthDate, on) : null;
        CheckCommon(input.StatusAtEntry, input.UnemployedSince, input.EnrolledOn, age, input.Citizenship, input.CountryOfBirth, problems);
    }

    /// <summary>Copies the facts at entry onto a new enrolment, from the person and the enrol form checked by <see cref="Check"/>.</summary>
    public static void Capture(Enrolment enrolment, Person person, EnrolInput input)
    {
        enrolment.GenderAtEntry = person.Gender;
        enrolment.AgeAtEntry = EntryFacts.AgeOn(person.BirthDate, enrolment.EnrolledOn);
        enrolment.EducationLevelAtEntry = person.EducationLevel;
        enrolment.MunicipalityAtEntry = person.MunicipalityCode;
        enrolment.UnemployedSince = input.UnemployedSince;
        enrolment.Citizenship = EntryFacts.ParseCitizenship(input.Citizenship ?? [], out _) ?? [];
        enrolment.CountryOfBirth = Countries.TryFind(input.CountryOfBirth);
        enrolment.ParentsBornAbroad = input.ParentsBornAbroad;
    }

    /// <summary>Corrects the facts at entry of a visible enrolment; null with the problems (nothing written) when the
    /// input is wrong. Throws <see cref="NotFoundException"/> or <see cref="ConflictException"/>.</summary>
    public static async Task<Enrolment?> CorrectAsync(BrobyggeDb db, Guid enrolmentId, EntryFactsInput input, Problems problems, CancellationToken cancellationToken)
    {
        var enrolment = await db.Enrolments.SingleOrDefaultAsync(e => e.Id == enrolmentId, cancellationToken)
            ?? throw new NotFoundException("The enrolment");
        if (input.Gender is null)
            problems.Add(nameof(input.Gender), "Choose a gender.");
        if (input.Age is not { } age)
            problems.Add(nameof(input.Age), "Enter the age at entry.");
        else if (age is < 0 or > 120)
            problems.Add(nameof(input.Age), "The age at entry is a number of years from 0 to 120.");
        if (input.EducationLevel is < 0 or > 8)
            problems.Add(nameof(input.EducationLevel), "The education level is an ISCED level from 0 to 8.");
        if (input.StatusAtEntry is null)
            problems.Add(nameof(input.StatusAtEntry), "Choose the labour-market status at entry.");
        var municipality = Municipalities.TryFind(input.MunicipalityCode);
        if (!string.IsNullOrWhiteSpace(input.MunicipalityCode) && municipality is null)
            problems.Add(nameof(input.MunicipalityCode), "There is no such municipality. Write its four-digit code (e.g. 1283) or its name (e.g. Helsingborg).");
        CheckCommon(input.StatusAtEntry, input.UnemployedSince, enrolment.EnrolledOn, input.Age is >= 0 and <= 120 ? input.Age : null,
            input.Citizenship, input.CountryOfBirth, problems);
        problems.RequireVersion(input.Version);
        if (problems.Any)
            return null;

        enrolment.GenderAtEntry = input.Gender!.Value;
        enrolment.AgeAtEntry = input.Age!.Value;
        enrolment.EducationLevelAtEntry = input.EducationLevel;
        enrolment.StatusAtEntry = input.StatusAtEntry!.Value;
        enrolment.UnemployedSince = input.UnemployedSince;
        enrolment.Citizenship = EntryFacts.ParseCitizenship(input.Citizenship ?? [], out _) ?? [];
        enrolment.CountryOfBirth = Countries.TryFind(input.CountryOfBirth);
        enrolment.ParentsBornAbroad = input.ParentsBornAbroad;
        enrolment.MunicipalityAtEntry = municipality?.Code;
        await db.SaveEditAsync(enrolment, input.Version!.Value, "The enrolment", cancellationToken);
        return enrolment;
    }

    /// <summary>The rules shared by enrolment and correction; field names are the same in both inputs.</summary>
    private static void CheckCommon(LabourStatusAtEntry? status, DateOnly? unemployedSince, DateOnly? enrolledOn, int? age,
        List<string>? citizenship, string? countryOfBirth, Problems problems)
    {
        if (EntryFacts.Disagreement(status, unemployedSince, enrolledOn, age) is { } disagreement)
            problems.Add(nameof(EnrolInput.UnemployedSince), disagreement);
        if (EntryFacts.ParseCitizenship(citizenship ?? [], out var problem) is null)
            problems.Add(nameof(EnrolInput.Citizenship), problem!);
        if (!string.IsNullOrWhiteSpace(countryOfBirth) && Countries.TryFind(countryOfBirth) is null)
            problems.Add(nameof(EnrolInput.CountryOfBirth), "There is no such country. Write an ISO 3166 code (e.g. SY) or the name (e.g. Syria).");
    }
}
