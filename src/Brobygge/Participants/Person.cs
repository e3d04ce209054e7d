using Brobygge.Data;
using Brobygge.Enrolments;

namespace Brobygge.Participants;

/// <summary>Someone the project has met: a contact, and a participant once enrolled in a project.</summary>
public sealed class Person : ITenantOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }

    /// <summary>Personnummer or samordningsnummer, encrypted with Data Protection; never stored in clear.</summary>
    public string? IdentityNumberCipher { get; set; }

    /// <summary>Keyed hash of the normalised number (blind index), so it can be found without decrypting.</summary>
    public string? IdentityNumberIndex { get; set; }

    /// <summary>The LMA number of an asylum seeker (AMIF projects), encrypted like the identity number.</summary>
    public string? LmaNumberCipher { get; set; }

    /// <summary>Keyed hash of the LMA number's digits (blind index), for duplicate checks without decrypting.</summary>
    public string? LmaNumberIndex { get; set; }

    /// <summary>Four-digit code of the home municipality (Codes/municipalities.csv).</summary>
    public string? MunicipalityCode { get; set; }

    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? District { get; set; }

    /// <summary>ISO 639 codes, mother tongue first.</summary>
    public List<string> Languages { get; set; } = [];
    public SwedishLevel? SwedishLevel { get; set; }

    /// <summary>ISCED 2011 level 0–8.</summary>
    public int? EducationLevel { get; set; }

    /// <summary>The staff member who registered the person, for the record (access comes from contacts and enrolments).</summary>
    public Guid? RegisteredById { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public Guid Version { get; set; }

    public List<Enrolment> Enrolments { get; init; } = [];

    public string FullName => $"{FirstName} {LastName}";
}

public enum Gender { Woman, Man, NonBinary }

/// <summary>Swedish for immigrants (SFI) courses A–D, Swedish as a second language (SAS), or beyond.</summary>
public enum SwedishLevel { None, SfiA, SfiB, SfiC, SfiD, Sas, Fluent }
