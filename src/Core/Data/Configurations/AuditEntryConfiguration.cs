using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Audit;

namespace Parasol.Core.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign keys: the log outlives what it names and must never block (or cascade from) a deletion elsewhere.
        builder.ToTable("audit_log");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Detail).HasMaxLength(500);
        builder.HasIndex(e => e.OccurredAt).HasDatabaseName("ix_audit_log_occurred_at");
        builder.HasIndex(e => new { e.StaffId, e.OccurredAt }).HasDatabaseName("ix_audit_log_staff_id_occurred_at");
        builder.HasIndex(e => new { e.CaseId, e.OccurredAt }).HasDatabaseName("ix_audit_log_case_id_occurred_at");
    }
}
