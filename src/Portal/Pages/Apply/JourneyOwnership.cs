using Microsoft.AspNetCore.DataProtection;

namespace Parasol.Portal.Pages.Apply;

/// <summary>
/// Ties a journey to the browser that started it: a session cookie listing the journey ids this browser started,
/// encrypted and signed. Someone who learns another applicant's journey address (a shared computer's history, a
/// forwarded link) gets "page not found", not their answers.
/// </summary>
public sealed class JourneyOwnership(IDataProtectionProvider protection, IHostEnvironment environment)
{
    public const string CookieName = "parasol-journeys";

    /// <summary>Enough for a family and a referral side by side; the oldest is forgotten first.</summary>
    private const int MaxJourneys = 8;

    private readonly IDataProtector _protector = protection.CreateProtector("Parasol.Portal.JourneyOwnership");

    public void Claim(HttpContext context, Guid journeyId)
    {
        var owned = Read(context.Request).Where(id => id != journeyId).Append(journeyId).TakeLast(MaxJourneys);
        context.Response.Cookies.Append(CookieName, _protector.Protect(string.Join(',', owned.Select(id => id.ToString("N")))), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Parasol.Core.Web.SecurityHeaders.CookieSecure(environment) == CookieSecurePolicy.Always || context.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }

    public bool Owns(HttpRequest request, Guid journeyId) => Read(request).Contains(journeyId);

    private List<Guid> Read(HttpRequest request)
    {
        if (request.Cookies[CookieName] is not { } value)
        {
            return [];
        }
        try
        {
            return _protector.Unprotect(value).Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(part => Guid.TryParseExact(part, "N", out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // A forged or outdated cookie owns nothing.
            return [];
        }
    }
}
