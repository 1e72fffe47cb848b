using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Journeys;

namespace Parasol.Core.Data.Configurations;

public sealed class JourneyStateConfiguration : IEntityTypeConfiguration<JourneyState>
{
    public void Configure(EntityTypeBuilder<JourneyState> builder)
    {
        builder.ToTable("journey_states");
        builder.Property(s => s.Journey).HasMaxLength(50);
        builder.Property(s => s.StateJson).HasColumnType("jsonb");
        builder.HasIndex(s => s.ExpiresAt).HasDatabaseName("ix_journey_states_expires_at");
    }
}
