using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Parasol.Core.Submissions;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Lets the browser that submitted an application see its receipt for the rest of its session: a cookie with the case
/// id, encrypted and signed with the app's data-protection keys. Nobody else can open the receipt by knowing its URL.
/// The submit's ticket also carries the access code, for the receipt's first view only (<see cref="AccessCodeReveals"/>):
/// that view issues the ticket again without it.
/// </summary>
public sealed class ReceiptTickets(IDataProtectionProvider protection, IHostEnvironment environment)
{
    public const string CookieName = "parasol-receipt";

    private readonly IDataProtector _protector = protection.CreateProtector("Parasol.Portal.Receipt");

    public void Issue(HttpResponse response, Guid caseId, string? accessCode)
    {
        response.Cookies.Append(CookieName, _protector.Protect($"{caseId:N}|{accessCode}"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Parasol.Core.Web.SecurityHeaders.CookieSecure(environment) == CookieSecurePolicy.Always || response.HttpContext.Request.IsHttps,
            Path = "/apply/receipt",
            IsEssential = true,
        });
        // Also the redirect of a GET that leads a submitted journey to its receipt: no cache keeps its cookie.
        response.Headers.CacheControl = "no-store";
    }

    /// <summary>
    /// Whether this browser holds the ticket for <paramref name="caseId"/>; the access code when the ticket still
    /// carries it, otherwise null.
    /// </summary>
    public bool TryRead(HttpRequest request, Guid caseId, out string? accessCode)
    {
        accessCode = null;
        if (request.Cookies[CookieName] is not { } value)
        {
            return false;
        }
        try
        {
            var parts = _protector.Unprotect(value).Split('|', 2);
            if (parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) && id == caseId)
            {
                accessCode = parts[1].Length == 0 ? null : parts[1];
                return true;
            }
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A tampered or outdated cookie is no ticket.
        }
        return false;
    }
}
