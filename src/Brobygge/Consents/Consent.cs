using Brobygge.Data;

namespace Brobygge.Consents;

/// <summary>Consent for one purpose, given and possibly withdrawn; withdrawal takes effect at once.</summary>
public sealed class Consent : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; set; }
    public Guid PersonId { get; set; }
    public ConsentPurpose Purpose { get; set; }

    /// <summary>The project partner shared with, for <see cref="ConsentPurpose.PartnerSharing"/>.</summary>
    public Guid? PartnerId { get; set; }
    public DateOnly GivenOn { get; set; }
    public ConsentMethod GivenHow { get; set; }
    public DateOnly? WithdrawnOn { get; set; }
    public ConsentMethod? WithdrawnHow { get; set; }

    public bool IsInForceOn(DateOnly date) => GivenOn <= date && (WithdrawnOn is null || WithdrawnOn > date);
}

public enum ConsentPurpose { Registration, PartnerSharing, FunderReporting, FollowUpContact }

public enum ConsentMethod { Written, Verbal, Digital }
