using Brobygge.Enrolments;
using Brobygge.FollowUps;
using Brobygge.Identity;
using Brobygge.Leaving;
using Brobygge.Outcomes;
using Brobygge.Participants;

namespace Brobygge.Imports;

/// <summary>
/// One line of the file, read and checked. The person fields travel in the form's own input
/// (<see cref="ParticipantInput"/>), so the import and the form apply them the same way. Columns the model has no
/// home for yet are kept here as read, checked.
/// </summary>
public sealed class ImportRow
{
    public int Line { get; init; }
    public required string Reference { get; init; }

    /// <summary>The columns the file has: a column left out of the header leaves what is stored alone.</summary>
    public required IReadOnlySet<string> Columns { get; init; }

    public required ParticipantInput Person { get; init; }
    public PersonalIdentityNumber? Number { get; set; }

    /// <summary>The blind index of <see cref="Number"/>, found in one pass over the file.</summary>
    public string? NumberIndex { get; set; }

    /// <summary>The number encrypted, made before the row is written (on all cores at once).</summary>
    public string? NumberCipher { get; set; }

    public LmaNumber? LmaNumber { get; set; }
    public string? LmaCipher { get; set; }

    /// <summary>The blind index of <see cref="LmaNumber"/>.</summary>
    public string? LmaIndex { get; set; }
    public string? MunicipalityCode { get; set; }
    public LabourStatusAtEntry StatusAtEntry { get; set; }
    public DateOnly EnrolledOn { get; set; }
    public DateOnly? ExitedOn { get; set; }
    public ExitReason? ExitReason { get; set; }
    public DateOnly? EmployedOn { get; set; }
    public EmploymentType? EmploymentType { get; set; }
    public string? Employer { get; set; }
    public DateOnly? StudiesOn { get; set; }
    public StudiesType? StudiesType { get; set; }
    public DateOnly? FollowUp6mOn { get; set; }
    public FollowUpStatus? FollowUp6mStatus { get; set; }
    public string? CoachEmail { get; set; }
    public string? BridgeBuilderEmail { get; set; }
    public DateOnly? UnemployedSince { get; set; }
    public List<string> Citizenship { get; set; } = [];
    public string? CountryOfBirth { get; set; }
    public ParentsBornAbroad? ParentsBornAbroad { get; set; }
    public List<LeavingSituationKind> UponLeaving { get; set; } = [];

    // Found by the checks against the database.
    public Guid? EnrolmentId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? CoachId { get; set; }
    public Guid? BridgeBuilderId { get; set; }

    public bool Has(string column) => Columns.Contains(column);
}
