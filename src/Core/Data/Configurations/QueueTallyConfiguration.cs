using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Queue;

namespace Parasol.Core.Data.Configurations;

public sealed class QueueTallyConfiguration : IEntityTypeConfiguration<QueueTally>
{
    public void Configure(EntityTypeBuilder<QueueTally> builder)
    {
        // Rows of deltas, only ever inserted by the triggers on cases and folded by queue_tally_compact() (migration
        // PerfQueue); small enough to be read whole, so no index beyond the key.
        builder.ToTable("queue_tallies");
    }
}
