using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Staff;

namespace Parasol.Core.Data.Configurations;

public sealed class TrustedDeviceConfiguration : IEntityTypeConfiguration<TrustedDevice>
{
    public void Configure(EntityTypeBuilder<TrustedDevice> builder)
    {
        builder.ToTable("staff_devices");
        builder.Property(d => d.Id).ValueGeneratedNever();
        // Deleting a member of staff forgets their browsers with them.
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(d => d.StaffId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.StaffId).HasDatabaseName("ix_staff_devices_staff_id");
        builder.HasIndex(d => d.ExpiresAt).HasDatabaseName("ix_staff_devices_expires_at");
    }
}
