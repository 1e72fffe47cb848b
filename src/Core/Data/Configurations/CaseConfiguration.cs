using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parasol.Core.Cases;

namespace Parasol.Core.Data.Configurations;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.HasIndex(c => c.Number).IsUnique().HasDatabaseName("ux_cases_number");
        builder.HasIndex(c => c.SubmissionKey).IsUnique().HasDatabaseName("ux_cases_submission_key");
        builder.HasIndex(c => new { c.Status, c.ReceivedAt }).HasDatabaseName("ix_cases_status_received_at");
        // Routing counts each district worker's open cases: with the status in the index it reads those, not the worker's history.
        builder.HasIndex(c => new { c.SocialWorkerId, c.Status }).HasDatabaseName("ix_cases_social_worker_id_status");
        builder.HasIndex(c => c.FamilyAssistantId).HasDatabaseName("ix_cases_family_assistant_id");
        builder.HasIndex(c => c.DistrictId).HasDatabaseName("ix_cases_district_id");
        // The queue's sort order (urgent first, then the KPA deadline, then the time received), for keyset paging.
        builder.HasIndex(c => new { c.IsUrgent, c.DecisionDueOn, c.ReceivedAt, c.Id })
            .IsDescending(true, false, false, false).HasDatabaseName("ix_cases_queue_order");
        builder.Property(c => c.Language).HasMaxLength(5);
        builder.Property(c => c.ContactEmail).HasMaxLength(254);
        builder.Property(c => c.ContactPhone).HasMaxLength(20);
        builder.Property(c => c.AnswersJson).HasColumnType("jsonb");
        builder.Property(c => c.AnswerSummaryJson).HasColumnType("jsonb");
        builder.Property(c => c.AccessCodeHash).HasMaxLength(200);
        builder.Property(c => c.Version).IsRowVersion();
        builder.Ignore(c => c.IssuedAccessCode);

        builder.OwnsOne(c => c.FamilyAddress, a =>
        {
            a.Property(x => x.Street).HasMaxLength(200).UseCollation(ParasolDbContext.PolishCollation);
            a.Property(x => x.HouseNumber).HasMaxLength(20);
            a.Property(x => x.FlatNumber).HasMaxLength(20);
            a.Property(x => x.PostalCode).HasMaxLength(6);
            a.Property(x => x.City).HasMaxLength(100);
        });
        builder.OwnsOne(c => c.ReferringInstitution, i =>
        {
            i.Property(x => x.Name).HasMaxLength(300);
            i.Property(x => x.ContactPerson).HasMaxLength(200);
            i.Property(x => x.ContactRole).HasMaxLength(100);
            i.Property(x => x.Email).HasMaxLength(254);
            i.Property(x => x.Phone).HasMaxLength(20);
            i.Property(x => x.CourtCaseSignature).HasMaxLength(40);
        });

        builder.HasOne(c => c.District).WithMany().HasForeignKey(c => c.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.SocialWorker).WithMany().HasForeignKey(c => c.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.FamilyAssistant).WithMany().HasForeignKey(c => c.FamilyAssistantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(c => c.MergedIntoCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.People).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
