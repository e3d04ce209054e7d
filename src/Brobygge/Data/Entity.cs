namespace Brobygge.Data;

/// <summary>Every row carries its organisation, so queries filter by tenant and a distributed
/// PostgreSQL can shard by it.</summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; set; }
}

/// <summary>Records people edit concurrently; <see cref="BrobyggeDb"/> renews the version on every
/// save, so a save based on an older read is refused instead of overwriting.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
