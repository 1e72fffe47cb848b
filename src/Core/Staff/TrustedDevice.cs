namespace Parasol.Core.Staff;

/// <summary>
/// A browser in which a member of staff has signed in (both steps where two are required). Its id travels in the
/// browser's device cookie, which is only trusted while this row exists, has not expired and has failures to spare.
/// </summary>
public sealed class TrustedDevice
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Sign-in attempts begun with this cookie whose password was not right (or that have not finished).</summary>
    public int FailedAttempts { get; set; }
}
