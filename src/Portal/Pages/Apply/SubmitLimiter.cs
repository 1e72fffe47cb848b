using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Final submits per client address (section <c>Apply:SubmitLimit</c>, default 20 an hour): generous enough for a
/// school or a family centre sending several referrals from one address, low enough that a script cannot flood the queue.
/// Counted in the database, so every Portal instance shares the allowance.
/// </summary>
public sealed class SubmitLimiter(IOptionsMonitor<AttemptLimitOptions> options, TimeProvider time)
    : AddressLimiter("submit", options.Get(SectionName), time)
{
    public const string SectionName = "Apply:SubmitLimit";

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        Register<SubmitLimiter>(services, configuration, SectionName, permitLimit: 20, windowMinutes: 60);
}
