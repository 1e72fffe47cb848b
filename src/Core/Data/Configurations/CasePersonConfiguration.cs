using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Cases;

namespace Parasol.Core.Data.Configurations;

public sealed class CasePersonConfiguration : IEntityTypeConfiguration<CasePerson>
{
    public void Configure(EntityTypeBuilder<CasePerson> builder)
    {
        builder.ToTable("case_people");
        builder.Property(p => p.FirstName).HasMaxLength(100).UseCollation(ParasolDbContext.PolishCollation);
        builder.Property(p => p.LastName).HasMaxLength(100).UseCollation(ParasolDbContext.PolishCollation);
        builder.Property(p => p.Pesel).HasMaxLength(11).IsFixedLength();
        builder.Property(p => p.Relationship).HasMaxLength(100);
        builder.HasIndex(p => p.Pesel).HasDatabaseName("ix_case_people_pesel");
        builder.Property(p => p.SearchName).HasMaxLength(100).UseCollation("C")
            .HasComputedColumnSql(Parasol.Core.Queue.SearchText.SqlFold, stored: true);
        builder.HasIndex(p => p.SearchName).HasDatabaseName("ix_case_people_search_name").HasOperators("text_pattern_ops");
        builder.HasIndex(p => p.LastName).HasDatabaseName("ix_case_people_last_name");
        builder.HasIndex(p => new { p.CaseId, p.Position }).IsUnique().HasDatabaseName("ux_case_people_position");
    }
}
