using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Mappings;

public sealed class MappingConfiguration : IEntityTypeConfiguration<Mapping>
{
    public void Configure(EntityTypeBuilder<Mapping> builder)
    {
        builder.HasIndex(m => new { m.EnrolmentId, m.Number }).IsUnique();
        builder.Property(m => m.EducationField).HasMaxLength(200);
        builder.Property(m => m.EducationCountry).HasMaxLength(2);
        builder.OwnsMany(m => m.Experience, owned => owned.ToJson());
        builder.OwnsMany(m => m.Languages, owned => owned.ToJson());
        builder.OwnsMany(m => m.Skills, owned => owned.ToJson());
        builder.IsRecorded();
    }
}
