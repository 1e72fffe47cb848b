namespace Parasol.Core.Staff;

/// <summary>
/// A browser in which a member of staff has signed in (both steps where two are required). Its id travels in the
/// browser's device cookie, which is only trusted while this row exists, has not expired and has failures to spare.
/// </summary>
public sealed class TrustedDevice
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    /// <summary>The browser's last full sign-in to the account (each one issues a new device in place of the last).</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>The first full sign-in in this browser since it was last forgotten, carried from device to device.</summary>
    public DateTimeOffset TrustedSince { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Sign-in attempts begun with this cookie whose password was not right (or that have not finished).</summary>
    public int FailedAttempts { get; set; }
}
