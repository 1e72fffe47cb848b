using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Journey starts per client address (section <c>Apply:StartLimit</c>, default 60 an hour). Each start keeps a row in
/// <c>journey_states</c> (and room for files) until the sweep, so a script must not start thousands. Three times the
/// submit limit: a school or a family centre helping several families from one address starts a journey for each, and
/// some start again (a closed tab, a lost link, another form than they meant), so starts run ahead of submits; 60 is
/// still one a minute, all hour. Counted in the database, so every Portal instance shares the allowance.
/// </summary>
public sealed class StartLimiter(IOptionsMonitor<AttemptLimitOptions> options, TimeProvider time)
    : AddressLimiter("start", options.Get(SectionName), time)
{
    public const string SectionName = "Apply:StartLimit";

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        Register<StartLimiter>(services, configuration, SectionName, permitLimit: 60, windowMinutes: 60);
}
