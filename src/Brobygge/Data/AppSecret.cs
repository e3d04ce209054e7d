using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Data;

/// <summary>Secrets the application generates once and keeps, protected with Data Protection.</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }
    public required string ProtectedValue { get; set; }
}

public sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> builder) => builder.HasKey(s => s.Name);
}
