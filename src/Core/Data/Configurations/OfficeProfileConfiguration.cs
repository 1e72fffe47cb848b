using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Offices;

namespace Parasol.Core.Data.Configurations;

public sealed class OfficeProfileConfiguration : IEntityTypeConfiguration<OfficeProfile>
{
    public void Configure(EntityTypeBuilder<OfficeProfile> builder)
    {
        builder.ToTable("office_profiles", t => t.HasCheckConstraint("ck_office_profiles_single_row", "id = 1"));
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.ShortName).HasMaxLength(100);
        builder.OwnsOne(o => o.Address, a =>
        {
            a.Property(x => x.Street).HasMaxLength(200);
            a.Property(x => x.HouseNumber).HasMaxLength(20);
            a.Property(x => x.FlatNumber).HasMaxLength(20);
            a.Property(x => x.PostalCode).HasMaxLength(6);
            a.Property(x => x.City).HasMaxLength(100);
        });
        builder.Navigation(o => o.Address).IsRequired();
        builder.Property(o => o.Email).HasMaxLength(254);
        builder.Property(o => o.CaseNumberPrefix).HasMaxLength(16);
        builder.HasMany(o => o.OpeningHours).WithOne().HasForeignKey(h => h.OfficeProfileId);
        builder.HasMany(o => o.FileClassifications).WithOne().HasForeignKey(c => c.OfficeProfileId);
    }
}
