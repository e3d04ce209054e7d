using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Taxonomy;

public sealed class TaxonomyConceptConfiguration : IEntityTypeConfiguration<TaxonomyConcept>
{
    public void Configure(EntityTypeBuilder<TaxonomyConcept> builder)
    {
        builder.HasKey(c => c.ConceptId);
        builder.Property(c => c.ConceptId).HasMaxLength(40);
        builder.Property(c => c.Type).HasMaxLength(60);
        builder.Property(c => c.Label).HasMaxLength(300);
        builder.Property(c => c.SsykCode).HasMaxLength(8);
        builder.Property(c => c.BroaderId).HasMaxLength(40);
        builder.HasIndex(c => new { c.Type, c.Label });
    }
}
