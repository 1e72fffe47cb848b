using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Staff;

/// <summary>
/// Browsers trusted for one account (OWASP's device cookies). Each has its own small allowance of wrong passwords:
/// an attempt is taken before the password is checked and given back when it was right, and a browser whose
/// allowance is used up is no longer trusted. A full sign-in issues the browser a new device in place of its old one.
/// The browser's sessions are linked to its device: forgetting the browser signs it out.
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

    /// <summary>
    /// A new trusted device for the member, replacing <paramref name="replacing"/> (the browser's previous one for them).
    /// The browser's sessions go with it: <paramref name="session"/> (the one this sign-in opened, or kept) and those
    /// opened under the previous device, so that forgetting the browser later still signs them out.
    /// </summary>
    public async Task<TrustedDevice> IssueAsync(Guid staffId, Guid? replacing, Guid? session = null, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var previous = db.TrustedDevices.Where(d => d.Id == replacing && d.StaffId == staffId);
        var trustedSince = replacing is null ? now
            : await previous.Select(d => (DateTimeOffset?)d.TrustedSince).SingleOrDefaultAsync(cancellationToken) ?? now;
        var device = new TrustedDevice
        {
            Id = Guid.NewGuid(),
            StaffId = staffId,
            IssuedAt = now,
            TrustedSince = trustedSince,
            ExpiresAt = now + TimeSpan.FromDays(Math.Max(1, options.Value.DeviceDays)),
        };
        db.TrustedDevices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(device).State = EntityState.Detached;
        // Handed on before the previous device is deleted, which would unlink them. Without a previous device the query
        // has no device id condition: compared with null it would pick every unlinked session of the member.
        var sessions = db.SignInSessions.Where(s => s.StaffId == staffId);
        sessions = replacing is { } old ? sessions.Where(s => s.Id == session || s.DeviceId == old) : sessions.Where(s => s.Id == session);
        await sessions.ExecuteUpdateAsync(s => s.SetProperty(x => x.DeviceId, device.Id), cancellationToken);
        if (replacing is not null)
        {
            await previous.ExecuteDeleteAsync(cancellationToken);
        }
        return device;
    }

    /// <summary>The member's browsers that are trusted now (not expired, allowance not used up), the last signed-in first.</summary>
    public async Task<IReadOnlyList<TrustedDevice>> ListAsync(Guid staffId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var limit = Math.Max(1, options.Value.DeviceFailures);
        return await db.TrustedDevices.AsNoTracking()
            .Where(d => d.StaffId == staffId && d.ExpiresAt > now && d.FailedAttempts < limit)
            .OrderByDescending(d => d.IssuedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The browser holding <paramref name="deviceId"/> is no longer trusted for the member, and the sessions opened in it
    /// end (but <paramref name="keepSession"/>, the one asking); none forgotten when it was not trusted.
    /// </summary>
    public Task<Forgotten> ForgetAsync(Guid staffId, Guid deviceId, Guid? keepSession = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(
            db.SignInSessions.Where(s => s.StaffId == staffId && s.DeviceId == deviceId && s.Id != keepSession),
            db.TrustedDevices.Where(d => d.Id == deviceId && d.StaffId == staffId),
            cancellationToken);

    /// <summary>
    /// None of the member's browsers is trusted any more but <paramref name="except"/> (the one asking) when given: its
    /// next sign-in shares the lockout of strangers' browsers until it signs in fully again. The sessions opened in the
    /// browsers forgotten end, but <paramref name="keepSession"/> (the one asking, when its own browser is forgotten too).
    /// </summary>
    public Task<Forgotten> ForgetAllAsync(Guid staffId, Guid? except = null, Guid? keepSession = null, CancellationToken cancellationToken = default) =>
        DeleteAsync(
            db.SignInSessions.Where(s => s.StaffId == staffId && s.DeviceId != null && s.DeviceId != except && s.Id != keepSession),
            db.TrustedDevices.Where(d => d.StaffId == staffId && d.Id != except),
            cancellationToken);

    /// <summary>
    /// Sessions first (deleting a device would unlink them), in one transaction with the devices: a failure between the
    /// two would leave a browser signed out but still trusted, and the person told it had failed.
    /// </summary>
    private async Task<Forgotten> DeleteAsync(IQueryable<SignInSession> sessions, IQueryable<TrustedDevice> devices, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await sessions.ExecuteDeleteAsync(cancellationToken);
        var browsers = await devices.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Forgotten(browsers, ended);
    }

    public static Task<int> DeleteExpiredAsync(ParasolDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        db.TrustedDevices.Where(d => d.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
}

/// <summary>What forgetting did: the browsers no longer trusted, and the sessions opened in them that ended.</summary>
public readonly record struct Forgotten(int Browsers, int SessionsEnded);
