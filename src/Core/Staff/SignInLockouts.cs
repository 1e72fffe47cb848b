using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Parasol.Core.Data;

namespace Parasol.Core.Staff;

/// <summary>
/// The one allowance per account of every browser without the account's device cookie. An attempt is taken before
/// the password is checked and given back when it was right, so attempts sent at once cannot outrun the count; the
/// failure that uses the allowance up locks those browsers out for <see cref="SignInLockoutOptions.LockoutMinutes"/>.
/// Counted in PostgreSQL, so every BackOffice instance shares it.
/// </summary>
public sealed class SignInLockouts(ParasolDbContext db, TimeProvider time, IOptions<SignInLockoutOptions> options)
{
    private SignInLockoutOptions Options => options.Value;

    /// <summary>Takes one attempt; false when browsers without a device cookie are locked out of this address's account.</summary>
    public async Task<bool> TryBeginAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var windowFloor = now - TimeSpan.FromMinutes(Math.Max(1, Options.WindowMinutes));
        var limit = Math.Max(1, Options.UntrustedFailures);
        var key = KeyOf(normalizedEmail);
        // While locked nothing is counted; a window that has passed starts again at this attempt.
        var attempts = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_lockouts AS l (key, window_start, attempts, locked_until) VALUES ({key}, {now}, 1, NULL)
            ON CONFLICT (key) DO UPDATE SET
                attempts = CASE WHEN l.locked_until > {now} THEN l.attempts
                                WHEN l.window_start > {windowFloor} THEN l.attempts + 1 ELSE 1 END,
                window_start = CASE WHEN l.locked_until > {now} OR l.window_start > {windowFloor} THEN l.window_start ELSE {now} END
            RETURNING CASE WHEN l.locked_until > {now} THEN {limit} + 1 ELSE l.attempts END AS "Value"
            """).ToListAsync(cancellationToken);
        return attempts.Single() <= limit;
    }

    /// <summary>The password was right: the attempt is given back.</summary>
    public Task PasswordRightAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        var key = KeyOf(normalizedEmail);
        return db.SignInLockouts.Where(l => l.Key == key && l.Attempts > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Attempts, l => l.Attempts - 1), cancellationToken);
    }

    /// <summary>The password was wrong; true when this failure used the allowance up and locked untrusted browsers out.</summary>
    public async Task<bool> FailedAsync(string normalizedEmail, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var until = now + TimeSpan.FromMinutes(Math.Max(1, Options.LockoutMinutes));
        var limit = Math.Max(1, Options.UntrustedFailures);
        var key = KeyOf(normalizedEmail);
        // The count starts again with the lockout: once it ends, the next attempts have the whole allowance.
        return await db.SignInLockouts
            .Where(l => l.Key == key && l.Attempts >= limit && (l.LockedUntil == null || l.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until).SetProperty(l => l.Attempts, 0).SetProperty(l => l.WindowStart, now), cancellationToken) == 1;
    }

    /// <summary>Deletes the counts of windows that started more than a day ago and are not locked.</summary>
    public static Task<int> DeleteExpiredAsync(ParasolDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - TimeSpan.FromDays(1);
        return db.SignInLockouts.Where(l => l.WindowStart < cutoff && (l.LockedUntil == null || l.LockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static string KeyOf(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"sign-in-untrusted\n{normalizedEmail}")));
}
