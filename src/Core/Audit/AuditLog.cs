using Parasol.Core.Data;

namespace Parasol.Core.Audit;

/// <summary>Writes the audit log. <see cref="Add"/> joins the caller's SaveChanges; <see cref="WriteAsync"/> saves at once.</summary>
public sealed class AuditLog(ParasolDbContext db, TimeProvider time)
{
    public void Add(Guid staffId, AuditAction action, Guid? caseId = null, Guid? attachmentId = null, string detail = "") =>
        db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = time.GetUtcNow(),
            StaffId = staffId,
            Action = action,
            CaseId = caseId,
            AttachmentId = attachmentId,
            Detail = detail.Length > 500 ? detail[..500] : detail,
        });

    public async Task WriteAsync(Guid staffId, AuditAction action, Guid? caseId = null, Guid? attachmentId = null, string detail = "", CancellationToken cancellationToken = default)
    {
        Add(staffId, action, caseId, attachmentId, detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}
