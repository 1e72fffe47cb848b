using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Cases;

namespace Parasol.Core.Data.Configurations;

public sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("case_events");
        builder.Property(e => e.Id).UseIdentityAlwaysColumn();
        builder.Property(e => e.Text).HasMaxLength(CaseEvent.MaxTextLength);
        builder.HasIndex(e => new { e.CaseId, e.OccurredAt }).HasDatabaseName("ix_case_events_case_id_occurred_at");
        builder.HasOne<Parasol.Core.Staff.StaffMember>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Restrict);
    }
}
