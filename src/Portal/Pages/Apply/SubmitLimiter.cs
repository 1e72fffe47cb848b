using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Final submits per client address (section <c>Apply:SubmitLimit</c>, default 20 an hour): generous enough for a
/// school or a family centre sending several referrals from one address, low enough that a script cannot flood the queue.
/// </summary>
public sealed class SubmitLimiter(IOptionsMonitor<AttemptLimitOptions> options) : IDisposable
{
    public const string SectionName = "Apply:SubmitLimit";

    private readonly AttemptLimiter _limiter = new(options.Get(SectionName));

    public int WindowMinutes => _limiter.WindowMinutes;

    public bool TryAcquire(HttpContext context) =>
        _limiter.TryAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public void Dispose() => _limiter.Dispose();

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttemptLimitOptions>(SectionName)
            .Configure(o => (o.PermitLimit, o.WindowMinutes) = (20, 60))
            .Bind(configuration.GetSection(SectionName));
        services.AddSingleton<SubmitLimiter>();
    }
}
