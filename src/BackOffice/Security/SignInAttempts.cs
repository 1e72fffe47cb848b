using Microsoft.Extensions.Options;
using Parasol.Core.Audit;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Security;

/// <summary>Whether a sign-in attempt may have its password checked.</summary>
public enum SignInGate
{
    Open,
    TooManyFromAddress,
    Locked,
}

/// <summary>One sign-in attempt: the allowance it was taken from (the browser's device for the account, or that of untrusted browsers).</summary>
public sealed record SignInAttempt(SignInGate Gate, string NormalizedEmail, Guid? StaffId, Guid? Device);

/// <summary>
/// OWASP's "device cookies" against both guessing and lockout as a denial of service. A browser with a valid device
/// cookie for the account uses its own small allowance, so failures elsewhere never keep the person out of a browser
/// they have signed in with; every other browser is limited per client address and shares one allowance per account,
/// whose lockout is audited. Who is refused, and why, never shows: every refusal reads the same.
/// </summary>
public sealed partial class SignInAttempts(TrustedDevices devices, SignInLockouts lockouts, DeviceCookie cookie, SignInLimits limits,
    AuditLog audit, IOptions<SignInLockoutOptions> options, ILogger<SignInAttempts> logger)
{
    public int LockoutMinutes => Math.Max(1, options.Value.LockoutMinutes);

    /// <summary>Takes the attempt from the right allowance, before the password is checked (so attempts sent at once are counted too).</summary>
    public async Task<SignInAttempt> BeginAsync(HttpContext context, string normalizedEmail, Guid? staffId)
    {
        if (staffId is { } id && cookie.DeviceFor(context, id) is { } device && await devices.TryBeginAsync(device, id, context.RequestAborted))
        {
            return new SignInAttempt(SignInGate.Open, normalizedEmail, staffId, device);
        }
        if (!await limits.TryAcquireAsync(context))
        {
            return new SignInAttempt(SignInGate.TooManyFromAddress, normalizedEmail, staffId, null);
        }
        var open = await lockouts.TryBeginAsync(normalizedEmail, context.RequestAborted);
        return new SignInAttempt(open ? SignInGate.Open : SignInGate.Locked, normalizedEmail, staffId, null);
    }

    /// <summary>The password was right (whatever follows): the attempt is given back to its allowance.</summary>
    public Task PasswordRightAsync(SignInAttempt attempt) =>
        attempt.Device is { } device ? devices.PasswordRightAsync(device) : lockouts.PasswordRightAsync(attempt.NormalizedEmail);

    /// <summary>The password was wrong. The attempt stays counted; the failure that uses up untrusted browsers' allowance locks them out.</summary>
    public async Task FailedAsync(SignInAttempt attempt)
    {
        if (attempt.Device is not null || !await lockouts.FailedAsync(attempt.NormalizedEmail))
        {
            return;
        }
        UntrustedLockedOut(logger, LockoutMinutes);
        if (attempt.StaffId is { } staffId)
        {
            await audit.WriteAsync(staffId, AuditAction.SignInBlocked, detail: $"browsers without this account's device cookie, for {LockoutMinutes} min");
        }
    }

    /// <summary>
    /// Signed in with everything required: the browser gets a new device cookie for the account, in place of its old one,
    /// and the session is linked to it (forgetting the browser signs it out).
    /// </summary>
    public async Task SignedInAsync(HttpContext context, Guid staffId)
    {
        var device = await devices.IssueAsync(staffId, replacing: cookie.DeviceFor(context, staffId), session: StaffSessionCookie.SessionId(context));
        cookie.Write(context, staffId, device.Id, device.ExpiresAt - device.IssuedAt);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in from browsers without the account's device cookie locked out for {Minutes} min after repeated wrong passwords (see the audit log when the account exists)")]
    private static partial void UntrustedLockedOut(ILogger logger, int minutes);
}
