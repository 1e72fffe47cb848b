using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Attachments;

namespace Parasol.Core.Data.Configurations;

public sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments", t => t.HasCheckConstraint("ck_attachments_size", "size_bytes > 0"));
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.StorageKey).HasMaxLength(100);
        builder.HasIndex(a => a.StorageKey).IsUnique().HasDatabaseName("ux_attachments_storage_key");
        builder.HasIndex(a => a.CaseId).HasDatabaseName("ix_attachments_case_id");
        builder.HasIndex(a => a.JourneyId).HasDatabaseName("ix_attachments_journey_id");
    }
}
