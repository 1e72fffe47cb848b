using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.BackOffice.Security;

/// <summary>
/// Sign-in attempts, successful or not, per account (section <c>Staff:SignInLimit:PerAccount</c>, default 10 in 15
/// minutes) and per client address (<c>Staff:SignInLimit:PerAddress</c>, default 30 in 15 minutes). Identity's lockout
/// counts only failures of one account; these also stop one address trying many accounts. Counted in the database, so
/// every BackOffice instance shares the allowance.
/// </summary>
public sealed class SignInLimits(IOptionsMonitor<AttemptLimitOptions> options, TimeProvider time)
{
    public const string PerAccountSection = "Staff:SignInLimit:PerAccount";
    public const string PerAddressSection = "Staff:SignInLimit:PerAddress";

    private readonly AttemptLimiter _perAccount = new("sign-in-account", options.Get(PerAccountSection), time);
    private readonly AttemptLimiter _perAddress = new("sign-in-address", options.Get(PerAddressSection), time);

    public int WindowMinutes => Math.Max(_perAccount.WindowMinutes, _perAddress.WindowMinutes);

    /// <summary>Takes one attempt from both the address's and the account's allowance; false when either is used up.</summary>
    public async Task<bool> TryAcquireAsync(HttpContext context, string? email)
    {
        var address = await _perAddress.TryAcquireAsync(context, AttemptLimiter.ClientAddress(context));
        var account = await _perAccount.TryAcquireAsync(context, (email ?? "").Trim().ToUpperInvariant());
        return address && account;
    }
}

public static class SignInLimitsServices
{
    public static IServiceCollection AddParasolSignInLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AttemptLimitOptions>(SignInLimits.PerAccountSection)
            .Configure(o => (o.PermitLimit, o.WindowMinutes) = (10, 15))
            .Bind(configuration.GetSection(SignInLimits.PerAccountSection));
        services.AddOptions<AttemptLimitOptions>(SignInLimits.PerAddressSection)
            .Configure(o => (o.PermitLimit, o.WindowMinutes) = (30, 15))
            .Bind(configuration.GetSection(SignInLimits.PerAddressSection));
        services.AddSingleton<SignInLimits>();
        return services;
    }
}
