using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Final submits per client address (section <c>Apply:SubmitLimit</c>, default 20 an hour): generous enough for a
/// school or a family centre sending several referrals from one address, low enough that a script cannot flood the queue.
/// Counted in the database, so every Portal instance shares the allowance.
/// </summary>
public sealed class SubmitLimiter(IOptionsMonitor<AttemptLimitOptions> options, TimeProvider time)
{
    public const string SectionName = "Apply:SubmitLimit";

    private readonly AttemptLimiter _limiter = new("submit", options.Get(SectionName), time);

    public int WindowMinutes => _limiter.WindowMinutes;

    public Task<bool> TryAcquireAsync(HttpContext context) => _limiter.TryAcquireAsync(context, AttemptLimiter.ClientAddress(context));

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttemptLimitOptions>(SectionName)
            .Configure(o => (o.PermitLimit, o.WindowMinutes) = (20, 60))
            .Bind(configuration.GetSection(SectionName));
        services.AddSingleton<SubmitLimiter>();
    }
}
