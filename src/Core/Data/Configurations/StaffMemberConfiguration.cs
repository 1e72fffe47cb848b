using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Staff;

namespace Parasol.Core.Data.Configurations;

public sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.ToTable("staff_members");
        builder.Property(s => s.FirstName).HasMaxLength(100).UseCollation(ParasolDbContext.PolishCollation);
        builder.Property(s => s.LastName).HasMaxLength(100).UseCollation(ParasolDbContext.PolishCollation);
        builder.Ignore(s => s.DisplayName);
    }
}
