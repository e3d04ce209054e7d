namespace Brobygge.Organisations;

/// <summary>The tenant: a municipality, association or company that runs projects.</summary>
public sealed class Organisation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
}
