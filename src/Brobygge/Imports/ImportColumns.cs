using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Leaving;
using Brobygge.Outcomes;
using Brobygge.Participants;

namespace Brobygge.Imports;

/// <summary>The columns of the participant import format (participants-import.md) and the names of its values.</summary>
public static class ImportColumns
{
    public const string Ref = "ref", PersonalNumber = "personal_number", LmaNumber = "lma_number", FirstName = "first_name",
        LastName = "last_name", Gender = "gender", BirthDate = "birth_date", District = "district", MunicipalityCode = "municipality_code",
        Languages = "languages", SwedishLevel = "swedish_level", EducationLevel = "education_level", StatusAtEntry = "status_at_entry",
        EnrolledOn = "enrolled_on", ExitedOn = "exited_on", EmployedOn = "employed_on", EmploymentType = "employment_type",
        Employer = "employer", StudiesOn = "studies_on", StudiesType = "studies_type", FollowUp6mOn = "followup_6m_on",
        FollowUp6mStatus = "followup_6m_status", ExitReason = "exit_reason", Coach = "coach", BridgeBuilder = "bridge_builder",
        UnemployedSince = "unemployed_since", Citizenship = "citizenship", CountryOfBirth = "country_of_birth",
        ParentsBornAbroad = "parents_born_abroad", UponLeaving = "upon_leaving";

    public static readonly IReadOnlyList<string> All =
    [
        Ref, PersonalNumber, LmaNumber, FirstName, LastName, Gender, BirthDate, District, MunicipalityCode, Languages, SwedishLevel,
        EducationLevel, StatusAtEntry, EnrolledOn, ExitedOn, EmployedOn, EmploymentType, Employer, StudiesOn, StudiesType,
        FollowUp6mOn, FollowUp6mStatus, ExitReason, Coach, BridgeBuilder, UnemployedSince, Citizenship, CountryOfBirth,
        ParentsBornAbroad, UponLeaving,
    ];

    /// <summary>Required in the header (a cell of <c>birth_date</c> is required only without a personal number).</summary>
    public static readonly IReadOnlyList<string> Required = [Ref, FirstName, LastName, Gender, StatusAtEntry, EnrolledOn];

    public static readonly ValueNames<SwedishLevel> SwedishLevels = new();
    public static readonly ValueNames<LabourStatusAtEntry> Statuses = new();
    public static readonly ValueNames<EmploymentType> EmploymentTypes = new();
    public static readonly ValueNames<StudiesType> StudiesTypes = new();
    public static readonly ValueNames<FollowUpStatus> FollowUpStatuses = new();
    public static readonly ValueNames<ExitReason> ExitReasons = new(Enrolments.ExitReason.NotGiven);

    public static readonly ValueNames<ParentsBornAbroad> ParentsBornAbroadNames = new();

    /// <summary>The format's names of the situations upon leaving (Leaving/).</summary>
    public static readonly IReadOnlyDictionary<string, LeavingSituationKind> UponLeavingValues = new Dictionary<string, LeavingSituationKind>
    {
        ["employed"] = LeavingSituationKind.InWork, ["in_education"] = LeavingSituationKind.InEducationOrTraining,
        ["job_searching"] = LeavingSituationKind.JobSearching, ["qualification"] = LeavingSituationKind.QualificationGained,
    };
}

/// <summary>An enum's values by their names in files: <c>fixed_term</c> for <c>FixedTerm</c>, in any case.</summary>
public sealed class ValueNames<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = new(StringComparer.OrdinalIgnoreCase);

    public ValueNames(params TEnum[] except)
    {
        foreach (var value in Enum.GetValues<TEnum>().Except(except))
            _byName[ValueName.Of(value)] = value;
    }

    public TEnum? Find(string name) => _byName.TryGetValue(name, out var value) ? value : null;

    public string List => string.Join(", ", _byName.Keys);
}

public static class ValueName
{
    /// <summary>The name of an enum value in files: <c>FixedTerm</c> is <c>fixed_term</c>, <c>SfiA</c> is <c>sfi_a</c>.</summary>
    public static string Of(Enum value)
        => string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
