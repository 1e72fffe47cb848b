using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Districts;

namespace Parasol.Core.Data.Configurations;

public sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("districts");
        builder.Property(d => d.Name).HasMaxLength(100).UseCollation(ParasolDbContext.PolishCollation);
        builder.HasIndex(d => d.Name).IsUnique().HasDatabaseName("ux_districts_name");
        builder.HasMany(d => d.StreetRanges).WithOne().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.SocialWorkers).WithMany(s => s.Districts).UsingEntity(
            "district_social_workers",
            r => r.HasOne(typeof(Parasol.Core.Staff.StaffMember)).WithMany().HasForeignKey("staff_member_id"),
            l => l.HasOne(typeof(District)).WithMany().HasForeignKey("district_id"));
    }
}
