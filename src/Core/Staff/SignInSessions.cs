using Microsoft.EntityFrameworkCore;
using Parasol.Core.Data;

namespace Parasol.Core.Staff;

/// <summary>The server-side record of staff sessions: opened at sign-in, looked up by id on every request, ended by deleting the row.</summary>
public sealed class SignInSessions(ParasolDbContext db, TimeProvider time)
{
    /// <summary>How stale <see cref="SignInSession.LastSeenAt"/> may get: a write at most this often per session, not per request.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Opens a session; the member's sessions idle for longer than <paramref name="idleTimeout"/> (their cookies have
    /// expired) are removed on the way, so the table holds about one row per browser in use.
    /// </summary>
    public async Task<Guid> StartAsync(Guid staffId, TimeSpan idleTimeout, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expired = now - idleTimeout - TouchEvery;
        await db.SignInSessions.Where(s => s.StaffId == staffId && s.LastSeenAt < expired).ExecuteDeleteAsync(cancellationToken);
        var session = new SignInSession { Id = Guid.CreateVersion7(), StaffId = staffId, SignedInAt = now, LastSeenAt = now };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>Whether the session is still open (a primary-key lookup); records its use at most every <see cref="TouchEvery"/>.</summary>
    public async Task<bool> IsOpenAsync(Guid sessionId, Guid staffId, CancellationToken cancellationToken = default)
    {
        var lastSeen = await db.SignInSessions.Where(s => s.Id == sessionId && s.StaffId == staffId)
            .Select(s => (DateTimeOffset?)s.LastSeenAt).SingleOrDefaultAsync(cancellationToken);
        if (lastSeen is null)
        {
            return false;
        }
        var now = time.GetUtcNow();
        if (now - lastSeen >= TouchEvery)
        {
            await db.SignInSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), cancellationToken);
        }
        return true;
    }

    public Task EndAsync(Guid sessionId, CancellationToken cancellationToken = default) =>
        db.SignInSessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Ends every session of a member, but <paramref name="except"/> (the one asking) when given.</summary>
    public Task EndAllAsync(Guid staffId, Guid? except = null, CancellationToken cancellationToken = default) =>
        db.SignInSessions.Where(s => s.StaffId == staffId && s.Id != except).ExecuteDeleteAsync(cancellationToken);
}
