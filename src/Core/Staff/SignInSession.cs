namespace Parasol.Core.Staff;

/// <summary>
/// One signed-in session of a member of staff (one browser). Its id travels in the session cookie; a cookie whose row
/// is gone (signed out, signed out everywhere, deactivated) is refused at its next request.
/// </summary>
public sealed class SignInSession
{
    public Guid Id { get; set; }
    public Guid StaffId { get; set; }
    public DateTimeOffset SignedInAt { get; set; }

    /// <summary>When the session was last used, to the minute or so (<see cref="SignInSessions.TouchEvery"/>).</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>
    /// The trusted browser the session was opened in (its <see cref="TrustedDevice"/>), so that forgetting that browser
    /// signs it out. None until the sign-in is complete (both steps where two are required) and after the device is gone.
    /// </summary>
    public Guid? DeviceId { get; set; }
}
