using System.Threading.RateLimiting;

namespace Parasol.Core.Web;

/// <summary>How many attempts one key (a client address, an account) gets per window.</summary>
public sealed class AttemptLimitOptions
{
    public int PermitLimit { get; set; } = 10;
    public int WindowMinutes { get; set; } = 15;
}

/// <summary>
/// A fixed-window limit per key (ASP.NET Core's partitioned limiter), asked by a page itself so that a refusal is the
/// page again with a localized message and status 429, and what the person typed is kept.
/// </summary>
public sealed class AttemptLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public AttemptLimiter(AttemptLimitOptions options)
    {
        Window = TimeSpan.FromMinutes(options.WindowMinutes);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public TimeSpan Window { get; }

    /// <summary>The window in whole minutes, at least one, for messages.</summary>
    public int WindowMinutes => Math.Max(1, (int)Math.Ceiling(Window.TotalMinutes));

    public bool TryAcquire(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
