using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Submissions;

namespace Parasol.Core.Data.Configurations;

public sealed class PendingAccessCodeConfiguration : IEntityTypeConfiguration<PendingAccessCode>
{
    public void Configure(EntityTypeBuilder<PendingAccessCode> builder)
    {
        builder.ToTable("pending_access_codes");
        // No foreign key to the case: the row is written in the statement that ends the journey, before the case's INSERT
        // in the same transaction, and lives a day at most.
        builder.HasKey(p => p.SubmissionKey);
        builder.Property(p => p.ProtectedCode).HasMaxLength(1000);
        builder.HasIndex(p => p.ExpiresAt).HasDatabaseName("ix_pending_access_codes_expires_at");
    }
}
