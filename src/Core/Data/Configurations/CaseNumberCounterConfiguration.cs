using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Cases;

namespace Parasol.Core.Data.Configurations;

public sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("case_number_counters");
        builder.HasKey(c => new { c.Symbol, c.Year });
        builder.Property(c => c.Symbol).HasMaxLength(10);
    }
}
