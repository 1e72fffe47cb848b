namespace Parasol.Portal.Preferences;

/// <summary>
/// After the banner's choice is sent without JavaScript, the page it returns to replaces the question with a
/// confirmation of the choice (GOV.UK's cookie banner): a short-lived cookie tells that one page to show it, and that
/// page deletes it. With JavaScript, site.js shows the same confirmation in place and this cookie is never set.
/// </summary>
public static class ConsentConfirmation
{
    public const string CookieName = "parasol-consent-saved";

    /// <summary>Long enough for the redirect back to arrive; the page that shows the confirmation ends it at once.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The form field the banner's form sends, so that the same choice made on the cookie page is not confirmed twice.</summary>
    public const string FromBannerField = "banner";

    public static void Set(HttpContext context) =>
        context.Response.Cookies.Append(CookieName, "1", PreferenceEndpoints.Options(context, Lifetime));

    /// <summary>Whether this request is the one to show the confirmation (output caching must not answer it).</summary>
    public static bool IsPending(HttpRequest request) => request.Cookies.ContainsKey(CookieName);

    /// <summary>Whether to show the confirmation on this page; if so, it is not shown again.</summary>
    public static bool Take(HttpContext context)
    {
        if (!IsPending(context.Request) || context.Response.HasStarted)
        {
            return false;
        }
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
        return VisitorPreferences.From(context.Request).Consent != CookieConsent.NotChosen;
    }
}
