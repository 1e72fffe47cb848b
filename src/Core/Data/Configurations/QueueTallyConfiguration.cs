using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Queue;

namespace Parasol.Core.Data.Configurations;

public sealed class QueueTallyConfiguration : IEntityTypeConfiguration<QueueTally>
{
    public void Configure(EntityTypeBuilder<QueueTally> builder)
    {
        builder.ToTable("queue_tallies");
        // One row per combination; the trigger on cases upserts against this index (NULL is a value here, not unknown).
        builder.HasIndex(t => new { t.Status, t.DistrictId, t.SocialWorkerId, t.FamilyAssistantId, t.EarliestDueOn })
            .IsUnique().AreNullsDistinct(false).HasDatabaseName("ux_queue_tallies_key");
    }
}
