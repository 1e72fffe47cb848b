using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Districts;

namespace Parasol.Core.Data.Configurations;

public sealed class DistrictStreetRangeConfiguration : IEntityTypeConfiguration<DistrictStreetRange>
{
    public void Configure(EntityTypeBuilder<DistrictStreetRange> builder)
    {
        builder.ToTable("district_street_ranges", t => t.HasCheckConstraint(
            "ck_district_street_ranges_numbers", "from_number IS NULL OR to_number IS NULL OR from_number <= to_number"));
        builder.Property(r => r.PostalCode).HasMaxLength(6);
        builder.Property(r => r.Street).HasMaxLength(200).UseCollation(ParasolDbContext.PolishCollation);
        builder.HasIndex(r => r.PostalCode).HasDatabaseName("ix_district_street_ranges_postal_code");
    }
}
