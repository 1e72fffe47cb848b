using Microsoft.AspNetCore.Localization;

namespace Parasol.Portal.Preferences;

/// <summary>What a visitor chose about text size, contrast and cookies, read from the cookies the portal sets.</summary>
public sealed record VisitorPreferences(int FontScale, bool HighContrast, CookieConsent Consent)
{
    public const string FontCookie = "parasol-font";
    public const string ContrastCookie = "parasol-contrast";
    public const string ConsentCookie = "parasol-consent";
    public static readonly string CultureCookie = CookieRequestCultureProvider.DefaultCookieName;

    /// <summary>Text size in per cent: the reset (100) and three steps up to 200.</summary>
    public static readonly IReadOnlyList<int> FontScales = [100, 125, 150, 200];

    /// <summary>Functional cookies live a year with consent; without it they end with the browser session.</summary>
    public static readonly TimeSpan FunctionalLifetime = TimeSpan.FromDays(365);

    public static readonly TimeSpan ConsentLifetime = TimeSpan.FromDays(365);

    public static VisitorPreferences From(HttpRequest request)
    {
        var font = int.TryParse(request.Cookies[FontCookie], out var scale) && FontScales.Contains(scale) ? scale : 100;
        var contrast = request.Cookies[ContrastCookie] == "high";
        var consent = request.Cookies[ConsentCookie] switch
        {
            "accepted" => CookieConsent.Accepted,
            "rejected" => CookieConsent.Rejected,
            _ => CookieConsent.NotChosen,
        };
        return new VisitorPreferences(font, contrast, consent);
    }

    /// <summary>The classes on &lt;html&gt; that apply the choices (site.css and site.js share them).</summary>
    public string HtmlClasses => (HighContrast ? "contrast-high " : "") + $"font-{FontScale}";
}

public enum CookieConsent
{
    NotChosen,
    Accepted,
    Rejected,
}
