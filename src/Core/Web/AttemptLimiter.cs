using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Parasol.Core.Data;

namespace Parasol.Core.Web;

/// <summary>How many attempts one key (a client address, an account) gets per window.</summary>
public sealed class AttemptLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public int WindowMinutes { get; set; } = 15;
}

/// <summary>The attempts one key has made in the current window (table <c>attempt_counters</c>).</summary>
public sealed class AttemptCounter
{
    /// <summary>SHA-256 of the limit's scope and the key: no address or account name is stored.</summary>
    public string Key { get; set; } = "";
    public DateTimeOffset WindowStart { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// A fixed-window limit per key, counted in PostgreSQL so that every instance of an app shares one allowance (with
/// counters in memory, N instances behind a load balancer would allow N times the limit). One upsert per attempt.
/// Asked by a page itself, so that a refusal is the page again with a localized message and status 429, and what the
/// person typed is kept. Rows of past windows are deleted by the hourly <c>JourneySweepJob</c>.
/// </summary>
public sealed class AttemptLimiter(string scope, AttemptLimitOptions options, TimeProvider time)
{
    public TimeSpan Window { get; } = TimeSpan.FromMinutes(Math.Max(1, options.WindowMinutes));

    /// <summary>
    /// Answers a refused attempt: status 429 and <c>Retry-After</c>, the seconds until the window ends (for clients and
    /// proxies). Returns the same wait in whole minutes, at least one, for the page's message, which thus says how long
    /// is left rather than the whole window.
    /// </summary>
    public int Refuse(HttpResponse response)
    {
        // The window ends, and the key's allowance is whole again, at the next multiple of its length.
        var now = time.GetUtcNow().UtcTicks;
        var wait = TimeSpan.FromTicks(Window.Ticks - (now % Window.Ticks));
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
    }

    /// <summary>The client's address as the forwarded-headers set-up left it, the key of the per-address limits.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Takes one attempt for the key, counted with the request's database context.</summary>
    public Task<bool> TryAcquireAsync(HttpContext context, string key) =>
        TryAcquireAsync(context.RequestServices.GetRequiredService<ParasolDbContext>(), key, context.RequestAborted);

    public async Task<bool> TryAcquireAsync(ParasolDbContext db, string key, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        var windowStart = new DateTimeOffset(now - (now % Window.Ticks), TimeSpan.Zero);
        var hashed = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}")));
        // Not composed (an INSERT cannot be a subquery): the list has the one row RETURNING gives.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO attempt_counters AS c (key, window_start, count) VALUES ({hashed}, {windowStart}, 1)
            ON CONFLICT (key) DO UPDATE SET
                count = CASE WHEN c.window_start = excluded.window_start THEN c.count + 1 ELSE 1 END,
                window_start = excluded.window_start
            RETURNING c.count AS "Value"
            """).ToListAsync(cancellationToken);
        return counts.Single() <= options.PermitLimit;
    }

    /// <summary>Deletes the counters of windows that ended more than a day ago.</summary>
    public static Task<int> DeleteExpiredAsync(ParasolDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cutoff = now - TimeSpan.FromDays(1);
        return db.AttemptCounters.Where(c => c.WindowStart < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
