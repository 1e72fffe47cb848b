using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// A limit on one kind of request per client address, configured in its own section with defaults in code, counted in
/// the database (<see cref="AttemptLimiter"/>), so every Portal instance shares the allowance. The page asks for a
/// permit itself, so a refusal is the page again with a localized message and what was typed kept.
/// </summary>
public abstract class AddressLimiter(string scope, AttemptLimitOptions options, TimeProvider time)
{
    private readonly AttemptLimiter _limiter = new(scope, options, time);

    /// <summary>Status 429 and <c>Retry-After</c>; the minutes left to wait (<see cref="AttemptLimiter.Refuse"/>).</summary>
    public int Refuse(HttpResponse response) => _limiter.Refuse(response);

    public Task<bool> TryAcquireAsync(HttpContext context) => _limiter.TryAcquireAsync(context, AttemptLimiter.ClientAddress(context));

    /// <summary>Registers <typeparamref name="TLimiter"/> with its section's options over the defaults given.</summary>
    protected static void Register<TLimiter>(IServiceCollection services, IConfiguration configuration, string section, int permitLimit, int windowMinutes)
        where TLimiter : AddressLimiter
    {
        services.AddOptions<AttemptLimitOptions>(section)
            .Configure(o => (o.PermitLimit, o.WindowMinutes) = (permitLimit, windowMinutes))
            .Bind(configuration.GetSection(section));
        services.AddSingleton<TLimiter>();
    }
}
