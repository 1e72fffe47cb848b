using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Staff;

/// <summary>
/// Browsers trusted for one account (OWASP's device cookies). Each has its own small allowance of wrong passwords:
/// an attempt is taken before the password is checked and given back when it was right, and a browser whose
/// allowance is used up is no longer trusted. A full sign-in issues the browser a new device in place of its old one.
/// </summary>
public sealed class TrustedDevices(ParasolDbContext db, TimeProvider time, IOptions<SignInLockoutOptions> options)
{
    /// <summary>Takes one attempt from the device's allowance; false when it is not (or no longer) trusted for this account.</summary>
    public async Task<bool> TryBeginAsync(Guid deviceId, Guid staffId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var limit = Math.Max(1, options.Value.DeviceFailures);
        return await db.TrustedDevices
            .Where(d => d.Id == deviceId && d.StaffId == staffId && d.ExpiresAt > now && d.FailedAttempts < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.FailedAttempts, d => d.FailedAttempts + 1), cancellationToken) == 1;
    }

    /// <summary>The password was right: the attempt is given back.</summary>
    public Task PasswordRightAsync(Guid deviceId, CancellationToken cancellationToken = default) =>
        db.TrustedDevices.Where(d => d.Id == deviceId && d.FailedAttempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.FailedAttempts, d => d.FailedAttempts - 1), cancellationToken);

    /// <summary>A new trusted device for the member, replacing <paramref name="replacing"/> (the browser's previous one for them).</summary>
    public async Task<TrustedDevice> IssueAsync(Guid staffId, Guid? replacing, CancellationToken cancellationToken = default)
    {
        if (replacing is { } old)
        {
            await db.TrustedDevices.Where(d => d.Id == old && d.StaffId == staffId).ExecuteDeleteAsync(cancellationToken);
        }
        var now = time.GetUtcNow();
        var device = new TrustedDevice
        {
            Id = Guid.NewGuid(),
            StaffId = staffId,
            IssuedAt = now,
            ExpiresAt = now + TimeSpan.FromDays(Math.Max(1, options.Value.DeviceDays)),
        };
        db.TrustedDevices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(device).State = EntityState.Detached;
        return device;
    }

    public static Task<int> DeleteExpiredAsync(ParasolDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.TrustedDevices.Where(d => d.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
}
