using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Parasol.Portal.Pages.Status;

/// <summary>
/// After a correct number and code, the status page opens for a while through an encrypted, signed cookie holding only
/// the case id and its expiry, so the result can follow Post/Redirect/Get without a case id or code in any URL.
/// </summary>
public sealed class StatusTickets(IDataProtectionProvider protection, TimeProvider time, IOptions<StatusLookupOptions> options, IHostEnvironment environment)
{
    public const string CookieName = "parasol-status";

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("Parasol.Portal.Status").ToTimeLimitedDataProtector();

    public void Issue(HttpResponse response, Guid caseId) =>
        response.Cookies.Append(CookieName,
            _protector.Protect(caseId.ToString("N"), time.GetUtcNow().AddMinutes(options.Value.SessionMinutes)),
            new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Parasol.Core.Web.SecurityHeaders.CookieSecure(environment) == Microsoft.AspNetCore.Http.CookieSecurePolicy.Always || response.HttpContext.Request.IsHttps,
                Path = "/status",
                IsEssential = true,
            });

    public void Clear(HttpResponse response) => response.Cookies.Delete(CookieName, new CookieOptions { Path = "/status" });

    public Guid? Read(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { } value)
        {
            return null;
        }
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(value), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
