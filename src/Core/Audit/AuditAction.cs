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

    /// <summary>Browsers without the account's device cookie were locked out of it after repeated wrong passwords.</summary>
    SignInBlocked = 10,

    /// <summary>A search of the queue by surname, PESEL or case number; the detail holds the words searched for.</summary>
    Searched = 11,

    /// <summary>The person ended their sessions on every device; none of their browsers is trusted any more either.</summary>
    SignedOutEverywhere = 12,

    /// <summary>The person made one or all of their browsers untrusted from their Security page; the detail says which.</summary>
    TrustedBrowsersForgotten = 13,
}
