using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Staff;

namespace Parasol.Core.Data.Configurations;

public sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("staff_sessions");
        builder.Property(s => s.Id).ValueGeneratedNever();
        // Deleting a member of staff ends their sessions with them.
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.StaffId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.StaffId).HasDatabaseName("ix_staff_sessions_staff_id");
        // A device that is replaced by the next sign-in hands its sessions on first (TrustedDevices.IssueAsync); one
        // that expires leaves them unlinked. Forgetting a browser ends its sessions before it deletes the device.
        builder.HasOne<TrustedDevice>().WithMany().HasForeignKey(s => s.DeviceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => s.DeviceId).HasDatabaseName("ix_staff_sessions_device_id");
    }
}
