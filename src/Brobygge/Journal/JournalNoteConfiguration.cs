using Brobygge.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Brobygge.Journal;

public sealed class JournalNoteConfiguration : IEntityTypeConfiguration<JournalNote>
{
    public void Configure(EntityTypeBuilder<JournalNote> builder)
    {
        builder.Property(n => n.Text).HasMaxLength(JournalOperations.MaxLength);
        builder.HasIndex(n => new { n.EnrolmentId, n.WrittenOn });
        builder.HasOne(n => n.Enrolment).WithMany().HasForeignKey(n => n.EnrolmentId);
        builder.IsVersioned();
        builder.IsRecorded();
    }
}
