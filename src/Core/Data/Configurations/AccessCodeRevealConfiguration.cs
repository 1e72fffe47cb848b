using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Cases;
using Parasol.Core.Submissions;

namespace Parasol.Core.Data.Configurations;

public sealed class AccessCodeRevealConfiguration : IEntityTypeConfiguration<AccessCodeReveal>
{
    public void Configure(EntityTypeBuilder<AccessCodeReveal> builder)
    {
        builder.ToTable("access_code_reveals");
        builder.HasKey(r => r.CaseId);
        // Goes with its case when the case is deleted at the end of its retention.
        builder.HasOne<Case>().WithOne().HasForeignKey<AccessCodeReveal>(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
