using Brobygge.Data;

namespace Brobygge.Consents;

/// <summary>
/// One dated event in a person's consent for one purpose: given or withdrawn, on which date, how, received by whom, and
/// the legal basis the processing for that purpose rests on (GDPR Art. 6(1)). Events are never edited in place (a
/// mistake is corrected through <see cref="IRecorded"/>), so whether the purpose was in force on any date D is exact:
/// see <see cref="ConsentRules"/>. Events of one person are numbered 1, 2, 3, …: a client says which event
/// it last saw, and a change recorded by someone else meanwhile is refused instead of silently reordered.
/// </summary>
public sealed class Consent : ITenantOwned, IRecorded
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public ConsentPurpose Purpose { get; set; }

    /// <summary>The project's partner organisation shared with; only for <see cref="ConsentPurpose.PartnerSharing"/>.</summary>
    public Guid? PartnerId { get; set; }

    /// <summary>1, 2, 3, … per person over all purposes, in the order recorded.</summary>
    public int Number { get; set; }
    public ConsentChange Change { get; set; }

    /// <summary>The date the participant gave or withdrew it; a withdrawal takes effect on that date.</summary>
    public DateOnly On { get; set; }
    public ConsentMethod How { get; set; }

    /// <summary>For <see cref="ConsentMethod.Paper"/>: the signed form's reference (where the paper is kept).</summary>
    public string? FormReference { get; set; }

    /// <summary>For <see cref="ConsentMethod.Phone"/>: who else heard it (a colleague, an interpreter).</summary>
    public string? Witness { get; set; }

    /// <summary>The staff member who received it from the participant.</summary>
    public Guid? ReceivedById { get; set; }

    /// <summary>The basis of the processing for this purpose; a withdrawal carries the basis it withdraws from.</summary>
    public LegalBasis Basis { get; set; }

    public DateTime RecordedAt { get; set; }
    public Guid? RecordedById { get; set; }
    public RecordOrigin Origin { get; set; }
    public Guid? HistoryOf { get; set; }
    public DateTime? SupersededAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public Guid? RemovedById { get; set; }
    public string? RemovalReason { get; set; }
}

/// <summary>What the participant's data is used for, each consented to (or objected to) on its own.
/// Reporting to the funder is no purpose here: it rests on the fund's regulation (a legal obligation), not on the
/// participant's say.</summary>
public enum ConsentPurpose { Registration, FollowUpContact, PartnerSharing, EmployerPresentation, SmsContact }

public enum ConsentChange { Given, Withdrawn }

/// <summary>How it was given or withdrawn: in person, on a paper form (its reference kept), by phone (with a witness).</summary>
public enum ConsentMethod { InPerson, Paper, Phone }

/// <summary>The lawful basis of the processing, GDPR (Regulation (EU) 2016/679) Art. 6(1): (a) consent, (c) legal
/// obligation, (e) public task, (f) legitimate interest. (b) contract and (d) vital interests serve no purpose here.</summary>
public enum LegalBasis { Consent, LegalObligation, PublicTask, LegitimateInterest }
