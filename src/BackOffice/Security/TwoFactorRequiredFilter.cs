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

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        if (options.Value.RequireTwoFactor && user.Identity?.IsAuthenticated == true
            && !user.HasClaim(MfaClaimType, MfaClaimValue)
            && !context.ActionDescriptor.ViewEnginePath.StartsWith("/Account/", StringComparison.Ordinal))
        {
            context.Result = new RedirectToPageResult("/Account/Authenticator");
            return;
        }
        await next();
    }
}
