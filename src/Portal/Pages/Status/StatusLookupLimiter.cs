using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.Portal.Pages.Status;

/// <summary>
/// Limits attempts at the status page per client address, so access codes cannot be guessed in bulk; counted in the
/// database, so every Portal instance shares the allowance. The page asks for a permit itself, so a refusal is a
/// normal, localized page.
/// </summary>
public sealed class StatusLookupLimiter(IOptions<StatusLookupOptions> options, TimeProvider time)
{
    private readonly AttemptLimiter _limiter = new("status-lookup",
        new AttemptLimitOptions { PermitLimit = options.Value.AttemptsPerWindow, WindowMinutes = options.Value.WindowMinutes }, time);

    /// <summary>Status 429 and <c>Retry-After</c>; the minutes left to wait (<see cref="AttemptLimiter.Refuse"/>).</summary>
    public int Refuse(HttpResponse response) => _limiter.Refuse(response);

    public Task<bool> TryAcquireAsync(HttpContext context) => _limiter.TryAcquireAsync(context, AttemptLimiter.ClientAddress(context));
}
