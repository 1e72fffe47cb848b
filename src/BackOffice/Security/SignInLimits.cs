using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.BackOffice.Security;

/// <summary>
/// Sign-in attempts from browsers without a device cookie for the account, successful or not, per client address
/// (section <c>Staff:SignInLimit:PerAddress</c>, default 30 in 15 minutes): the per-account lockout counts failures of
/// one account, this also stops one address trying many accounts. Counted in the database, so every BackOffice
/// instance shares the allowance. There is no limit per account that a browser with its device cookie would meet:
/// anyone who knows a staff address could use it up and keep that person out.
/// </summary>
public sealed class SignInLimits(IOptionsMonitor<AttemptLimitOptions> options, TimeProvider time)
{
    public const string PerAddressSection = "Staff:SignInLimit:PerAddress";

    private readonly AttemptLimiter _perAddress = new("sign-in-address", options.Get(PerAddressSection), time);

    /// <summary>Status 429 and <c>Retry-After</c>; the minutes left to wait (<see cref="AttemptLimiter.Refuse"/>).</summary>
    public int Refuse(HttpResponse response) => _perAddress.Refuse(response);

    /// <summary>Takes one attempt from the address's allowance; false when it is used up.</summary>
    public Task<bool> TryAcquireAsync(HttpContext context) =>
        _perAddress.TryAcquireAsync(context, AttemptLimiter.ClientAddress(context));
}

public static class SignInProtectionServices
{
    /// <summary>The per-address limit, device cookies and the lockout of untrusted browsers, and the decoy hash for unknown addresses.</summary>
    public static IServiceCollection AddParasolSignInProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttemptLimitOptions>(SignInLimits.PerAddressSection)
            .Configure(o => (o.PermitLimit, o.WindowMinutes) = (30, 15))
            .Bind(configuration.GetSection(SignInLimits.PerAddressSection));
        services.AddSingleton<SignInLimits>();
        services.AddSingleton<DeviceCookie>();
        services.AddSingleton<DecoyPasswordHash>();
        services.AddScoped<SignInAttempts>();
        return services;
    }
}
