using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Security;

public static class StaffSecurity
{
    /// <summary>
    /// Staff sign-in rules on top of Identity: active accounts only, two-factor where required, idle sign-out and
    /// sessions re-checked against the security stamp (role changes), every cookie tied to a server-side session (sign-out,
    /// sign-out everywhere, deactivation take effect at once), and the current staff member's scope.
    /// </summary>
    public static IServiceCollection AddParasolStaffSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StaffOptions.SectionName);
        services.Configure<StaffOptions>(section);
        var staff = section.Get<StaffOptions>() ?? new StaffOptions();
        services.Configure<IdentityOptions>(options => options.SignIn.RequireConfirmedAccount = true);
        services.AddScoped<IUserConfirmation<StaffMember>, ActiveStaffConfirmation>();
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.FromSeconds(staff.SessionCheckSeconds);
            // A session renewed by the check keeps the proof that it was opened with a second factor, and its id.
            options.OnRefreshingPrincipal = context =>
            {
                foreach (var type in new[] { TwoFactorRequiredFilter.MfaClaimType, StaffSessionCookie.ClaimType })
                {
                    if (context.CurrentPrincipal?.FindFirst(type) is { } claim
                        && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(claim.Type, claim.Value))
                    {
                        identity.AddClaim(new Claim(claim.Type, claim.Value));
                    }
                }
                return Task.CompletedTask;
            };
        });
        services.ConfigureApplicationCookie(options =>
        {
            options.ExpireTimeSpan = TimeSpan.FromMinutes(staff.IdleTimeoutMinutes);
            options.SlidingExpiration = true;
            StaffSessionCookie.Attach(options, options.ExpireTimeSpan);
        });
        services.Configure<MvcOptions>(options => options.Filters.Add<TwoFactorRequiredFilter>());
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        return services;
    }
}
