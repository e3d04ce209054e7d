using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

public static class EntityConfiguration
{
    /// <summary>The version is checked on every update, so a save based on an older read is refused.</summary>
    public static EntityTypeBuilder<T> IsVersioned<T>(this EntityTypeBuilder<T> entity) where T : class, IVersioned
    {
        entity.Property(e => e.Version).IsConcurrencyToken();
        return entity;
    }
}
