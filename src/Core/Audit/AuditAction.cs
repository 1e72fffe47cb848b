namespace Parasol.Core.Audit;

public enum AuditAction
{
    CaseViewed = 1,
    AttachmentViewed = 2,
    AttachmentDownloaded = 3,
    CaseChanged = 4,
    Exported = 5,
    StaffChanged = 6,
    OfficeChanged = 7,
    AccessRefused = 8,
    PasswordChanged = 9,
    SignInBlocked = 10,
}
