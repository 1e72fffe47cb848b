using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Parasol.Core.Attachments;
using Parasol.Core.Cases;
using Parasol.Core.Districts;
using Parasol.Core.Journeys;
using Parasol.Core.Offices;
using Parasol.Core.Outbox;
using Parasol.Core.Queue;
using Parasol.Core.Staff;

namespace Parasol.Core.Data;

public sealed class ParasolDbContext(DbContextOptions<ParasolDbContext> options)
    : IdentityDbContext<StaffMember, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>ICU collation for Polish names: sorts Ł after L and Ż after Ź, as Poles expect.</summary>
    public const string PolishCollation = "polish";

    public DbSet<OfficeProfile> OfficeProfiles => Set<OfficeProfile>();
    public DbSet<OpeningHours> OpeningHours => Set<OpeningHours>();
    public DbSet<FileClassification> FileClassifications => Set<FileClassification>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<DistrictStreetRange> DistrictStreetRanges => Set<DistrictStreetRange>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CasePerson> CasePeople => Set<CasePerson>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CaseNumberCounter> CaseNumberCounters => Set<CaseNumberCounter>();
    public DbSet<QueueTally> QueueTallies => Set<QueueTally>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<JourneyState> JourneyStates => Set<JourneyState>();
    public DbSet<Parasol.Core.Audit.AuditEntry> AuditEntries => Set<Parasol.Core.Audit.AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Parasol.Core.Web.AttemptCounter> AttemptCounters => Set<Parasol.Core.Web.AttemptCounter>();
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();
    public DbSet<TrustedDevice> TrustedDevices => Set<TrustedDevice>();
    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();
    public DbSet<Parasol.Core.Submissions.AccessCodeReveal> AccessCodeReveals => Set<Parasol.Core.Submissions.AccessCodeReveal>();
    public DbSet<Parasol.Core.Submissions.PendingAccessCode> PendingAccessCodes => Set<Parasol.Core.Submissions.PendingAccessCode>();

    /// <summary>Keys protecting cookies and antiforgery tokens, shared by every instance of both apps.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasCollation(PolishCollation, locale: "pl-PL", provider: "icu", deterministic: true);
        builder.ApplyConfigurationsFromAssembly(typeof(ParasolDbContext).Assembly);
    }
}
