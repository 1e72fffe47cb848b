namespace Parasol.Core.Staff;

/// <summary>
/// Sign-in attempts at one account from browsers without its device cookie (table <c>sign_in_lockouts</c>). Keyed by
/// the typed address, hashed, whether or not an account has it: an address without an account is counted and locked
/// exactly like one with.
/// </summary>
public sealed class SignInLockout
{
    /// <summary>SHA-256 of the normalised e-mail address: no address is stored.</summary>
    public string Key { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }

    /// <summary>Attempts begun in the window and not found right: failures, and attempts still being checked.</summary>
    public int Attempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
