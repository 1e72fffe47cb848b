namespace Parasol.Core.Staff;

/// <summary>
/// Section <c>Staff:SignInLockout</c>: how wrong passwords are answered (OWASP's device cookies). A browser in which
/// the person has signed in before carries a device cookie for their account and has an allowance of its own; every
/// other browser shares one allowance per account, whose lockout therefore never keeps the person out of their own
/// browser.
/// </summary>
public sealed class SignInLockoutOptions
{
    public const string SectionName = "Staff:SignInLockout";

    /// <summary>Failed attempts per account from browsers without its device cookie, within the window, that lock them out.</summary>
    public int UntrustedFailures { get; set; } = 5;

    /// <summary>The window those failures are counted in, from the first one.</summary>
    public int WindowMinutes { get; set; } = 15;

    /// <summary>How long browsers without the account's device cookie are then refused, even with the right password.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Wrong passwords a browser with a device cookie may enter (since it last signed in) before it is no longer trusted.</summary>
    public int DeviceFailures { get; set; } = 3;

    /// <summary>How long a device cookie is trusted after the sign-in that issued it.</summary>
    public int DeviceDays { get; set; } = 180;
}
