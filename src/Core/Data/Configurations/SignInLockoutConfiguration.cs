using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Staff;

namespace Parasol.Core.Data.Configurations;

public sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<SignInLockout>
{
    public void Configure(EntityTypeBuilder<SignInLockout> builder)
    {
        builder.ToTable("sign_in_lockouts");
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(64);
        builder.HasIndex(l => l.WindowStart).HasDatabaseName("ix_sign_in_lockouts_window_start");
    }
}
