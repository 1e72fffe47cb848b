using Microsoft.AspNetCore.Localization;
using Parasol.Core.Localization;
using Parasol.Core.Web;

namespace Parasol.Portal.Preferences;

/// <summary>
/// The controls in the layout post here (or, for languages, link here). Without JavaScript the answer redirects back to
/// the same page; site.js sends <c>X-Requested-With</c> and gets 204, having already applied the change on the page.
/// <para>
/// These forms are on every page, and every page but the application forms is cached for all visitors alike
/// (<see cref="Caching.PublicPageCache"/>), so they carry no per-visitor antiforgery token. A forged post could only
/// change the visitor's own display cookies; it is refused all the same by a same-origin check, as browsers mark every
/// request with where it came from (<c>Sec-Fetch-Site</c>, <c>Origin</c>). The application forms keep their tokens.
/// </para>
/// </summary>
public static class PreferenceEndpoints
{
    public const string ScriptHeader = "X-Requested-With";

    public static IEndpointRouteBuilder MapPortalPreferences(this IEndpointRouteBuilder app)
    {
        app.MapPost("/preferences/font", Change((context, form) =>
        {
            var scale = int.TryParse(form["scale"], out var value) && VisitorPreferences.FontScales.Contains(value) ? value : 100;
            if (scale == 100)
            {
                context.Response.Cookies.Delete(VisitorPreferences.FontCookie);
            }
            else
            {
                SetFunctional(context, VisitorPreferences.FontCookie, scale.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }));

        app.MapPost("/preferences/contrast", Change((context, form) =>
        {
            if (form["contrast"] == "high")
            {
                SetFunctional(context, VisitorPreferences.ContrastCookie, "high");
            }
            else
            {
                context.Response.Cookies.Delete(VisitorPreferences.ContrastCookie);
            }
        }));

        app.MapPost("/preferences/reset", Change((context, _) =>
        {
            context.Response.Cookies.Delete(VisitorPreferences.FontCookie);
            context.Response.Cookies.Delete(VisitorPreferences.ContrastCookie);
        }));

        app.MapPost("/preferences/consent", Change((context, form) =>
        {
            var accepted = form["choice"] == "accepted";
            context.Response.Cookies.Append(VisitorPreferences.ConsentCookie, accepted ? "accepted" : "rejected",
                Options(context, VisitorPreferences.ConsentLifetime));
            if (form[ConsentConfirmation.FromBannerField] == "true" && !context.Request.Headers.ContainsKey(ScriptHeader))
            {
                ConsentConfirmation.Set(context);
            }
            // The choice changes how long the preferences already set are kept: re-issue them under the new rule.
            foreach (var name in new[] { VisitorPreferences.FontCookie, VisitorPreferences.ContrastCookie, VisitorPreferences.CultureCookie })
            {
                if (context.Request.Cookies[name] is { } value)
                {
                    context.Response.Cookies.Append(name, value, Options(context, accepted ? VisitorPreferences.FunctionalLifetime : null));
                }
            }
        }));

        // "Hide this message" of the banner's confirmation: the page that showed it has already ended it, so without
        // JavaScript this only returns to the same page, now without the banner.
        app.MapPost("/preferences/consent/hide", Change((_, _) => { }));

        // A plain link (GET) so the switcher works without JavaScript; it only sets a preference, like a bookmark would.
        app.MapGet("/preferences/language", (HttpContext context, string? culture, string? returnUrl) =>
        {
            if (ParasolCultures.IsSupported(culture))
            {
                SetFunctional(context, VisitorPreferences.CultureCookie,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)));
            }
            return Results.LocalRedirect(LocalReturnUrl.Sanitize(returnUrl));
        });
        return app;
    }

    // A Delegate (not a RequestDelegate) so that minimal APIs write the returned IResult.
    private static Delegate Change(Action<HttpContext, IFormCollection> change) =>
        (Func<HttpContext, Task<IResult>>)(context => ChangeAsync(context, form => change(context, form)));

    private static async Task<IResult> ChangeAsync(HttpContext context, Action<IFormCollection> change)
    {
        if (!context.Request.HasFormContentType || IsFromAnotherSite(context.Request))
        {
            return Results.BadRequest();
        }
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        change(form);
        return context.Request.Headers.ContainsKey(ScriptHeader)
            ? Results.NoContent()
            : Results.LocalRedirect(LocalReturnUrl.Sanitize(form["returnUrl"]));
    }

    /// <summary>
    /// A post a browser sent from another site's page (or from a sandboxed frame). Browsers have sent
    /// <c>Sec-Fetch-Site</c> since 2020-2023 and <c>Origin</c> on every POST for longer; a request with neither is not
    /// from a browser's page, so it cannot be a forgery made with a visitor's cookies.
    /// </summary>
    public static bool IsFromAnotherSite(HttpRequest request)
    {
        if (request.Headers["Sec-Fetch-Site"] is [{ } site])
        {
            return site is not ("same-origin" or "none");
        }
        if (request.Headers.Origin is [{ } origin])
        {
            return !string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    /// <summary>A functional cookie: kept a year when the visitor accepted functional cookies, else only for the session.</summary>
    private static void SetFunctional(HttpContext context, string name, string value)
    {
        var consent = VisitorPreferences.From(context.Request).Consent;
        context.Response.Cookies.Append(name, value,
            Options(context, consent == CookieConsent.Accepted ? VisitorPreferences.FunctionalLifetime : null));
    }

    internal static CookieOptions Options(HttpContext context, TimeSpan? lifetime)
    {
        var environment = context.RequestServices.GetRequiredService<IHostEnvironment>();
        var secure = SecurityHeaders.CookieSecure(environment) == CookieSecurePolicy.Always || context.Request.IsHttps;
        return new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = lifetime,
        };
    }
}
