using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Offices;

namespace Parasol.Core.Data.Configurations;

public sealed class FileClassificationConfiguration : IEntityTypeConfiguration<FileClassification>
{
    public void Configure(EntityTypeBuilder<FileClassification> builder)
    {
        builder.ToTable("file_classifications");
        builder.Property(c => c.Symbol).HasMaxLength(10);
        builder.Property(c => c.RetentionCategory).HasMaxLength(10);
        builder.HasIndex(c => new { c.OfficeProfileId, c.CaseType }).IsUnique().HasDatabaseName("ux_file_classifications_case_type");
    }
}
