using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Offices;

namespace Parasol.Core.Data.Configurations;

public sealed class OpeningHoursConfiguration : IEntityTypeConfiguration<OpeningHours>
{
    public void Configure(EntityTypeBuilder<OpeningHours> builder)
    {
        builder.ToTable("opening_hours", t => t.HasCheckConstraint("ck_opening_hours_order", "opens < closes"));
        builder.HasIndex(h => new { h.OfficeProfileId, h.DayOfWeek }).IsUnique().HasDatabaseName("ux_opening_hours_day");
    }
}
