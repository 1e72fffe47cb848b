using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace Parasol.BackOffice.Security;

/// <summary>
/// Where two-factor sign-in is required, a session that was not opened with a second factor may only reach the
/// account pages (to enrol an authenticator); every other page sends it there.
/// </summary>
public sealed class TwoFactorRequiredFilter(IOptions<StaffOptions> options) : IAsyncPageFilter
{
    public const string MfaClaimType = "amr";
    public const string MfaClaimValue = "mfa";

    /// <summary>
    /// A signed-in session that two-factor sign-in is required for but that was opened with the password alone (Identity
    /// adds <c>amr=mfa</c> only after the second step). Everything outside the account pages refuses such a session.
    /// </summary>
    public static bool LacksSecondFactor(ClaimsPrincipal user, StaffOptions options) =>
        options.RequireTwoFactor && user.Identity?.IsAuthenticated == true && !user.HasClaim(MfaClaimType, MfaClaimValue);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (LacksSecondFactor(context.HttpContext.User, options.Value)
            && !context.ActionDescriptor.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal))
        {
            context.Result = new RedirectToPageResult("/Account/Authenticator");
            return;
        }
        await next();
    }
}
