namespace Parasol.Core.Audit;

/// <summary>
/// One line of the audit log: who read or changed what, and when. Rows are only ever added; the database refuses
/// UPDATE and DELETE on the table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public Guid StaffId { get; set; }
    public AuditAction Action { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? AttachmentId { get; set; }

    /// <summary>What was done, without personal data (e.g. "status → InterviewPlanned").</summary>
    public string Detail { get; set; } = "";
}
