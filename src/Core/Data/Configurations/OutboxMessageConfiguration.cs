using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Cases;
using Parasol.Core.Outbox;
using Parasol.Core.Staff;

namespace Parasol.Core.Data.Configurations;

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Id).UseIdentityAlwaysColumn();
        builder.Property(m => m.RecipientEmail).HasMaxLength(320);
        builder.Property(m => m.Language).HasMaxLength(5);
        builder.Property(m => m.Payload).HasMaxLength(20000);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(m => m.RecipientStaffId).OnDelete(DeleteBehavior.Cascade);
        // The sweep looks only at what is still to do.
        builder.HasIndex(m => m.DueAt).HasDatabaseName("ix_outbox_messages_pending").HasFilter("processed_at IS NULL AND NOT abandoned");
        builder.HasIndex(m => m.CaseId).HasDatabaseName("ix_outbox_messages_case_id");
    }
}
