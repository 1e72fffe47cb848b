using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Parasol.Portal.Pages.Status;

/// <summary>
/// Rate-limits attempts at the status page per client address (ASP.NET Core's fixed-window limiter), so access codes
/// cannot be guessed in bulk. The page asks for a permit itself, so a refusal is a normal, localized page.
/// </summary>
public sealed class StatusLookupLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public StatusLookupLimiter(IOptions<StatusLookupOptions> options)
    {
        var o = options.Value;
        Window = TimeSpan.FromMinutes(o.WindowMinutes);
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = o.AttemptsPerWindow, Window = Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public TimeSpan Window { get; }

    public bool TryAcquire(string client)
    {
        using var lease = _limiter.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
