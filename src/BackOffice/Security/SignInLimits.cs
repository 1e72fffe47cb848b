using Microsoft.Extensions.Options;
using Parasol.Core.Web;

namespace Parasol.BackOffice.Security;

/// <summary>
/// Sign-in attempts, successful or not, per account (section <c>Staff:SignInLimit:PerAccount</c>, default 10 in 15
/// minutes) and per client address (<c>Staff:SignInLimit:PerAddress</c>, default 30 in 15 minutes). Identity's lockout
/// counts only failures of one account; these also stop one address trying many accounts.
/// </summary>
public sealed class SignInLimits(IOptionsMonitor<AttemptLimitOptions> options) : IDisposable
{
    public const string PerAccountSection = "Staff:SignInLimit:PerAccount";
    public const string PerAddressSection = "Staff:SignInLimit:PerAddress";

    private readonly AttemptLimiter _perAccount = new(options.Get(PerAccountSection));
    private readonly AttemptLimiter _perAddress = new(options.Get(PerAddressSection));

    public int WindowMinutes => Math.Max(_perAccount.WindowMinutes, _perAddress.WindowMinutes);

    /// <summary>Takes one attempt from both the address's and the account's allowance; false when either is used up.</summary>
    public bool TryAcquire(HttpContext context, string? email)
    {
        var address = _perAddress.TryAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var account = _perAccount.TryAcquire((email ?? "").Trim().ToUpperInvariant());
        return address && account;
    }

    public void Dispose()
    {
        _perAccount.Dispose();
        _perAddress.Dispose();
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
