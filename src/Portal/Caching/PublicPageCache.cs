using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Parasol.Core.Time;
using Parasol.Portal.Preferences;

namespace Parasol.Portal.Caching;

/// <summary>
/// The portal's information pages (and the home page) are the same for every visitor who reads them in the same
/// language with the same display settings in the same minute, so they are rendered once and then served from memory.
/// A busy Monday morning then costs a lookup per visit instead of a page render.
/// <para>
/// What makes the cache safe: the pages carry no personal data and no per-visitor token (the display and cookie controls
/// are protected by a same-origin check instead, see <see cref="PreferenceEndpoints"/>); a response that sets a cookie or
/// is not a 200 is never stored (ASP.NET Core's default output-cache rules); the key holds the address with its query,
/// the language, the display settings, the cookie choice, the Accept-Encoding the response was compressed for and the
/// minute on the office's clock (the home page says whether the office is open now). Entries live a minute at most,
/// the same order as the office profile's own 30-second cache, so an edit in the back office shows within a minute. The
/// page that confirms a cookie choice made without JavaScript (<see cref="ConsentConfirmation"/>) is never taken from
/// the cache.
/// </para>
/// The cache sits in front of response compression, so what is kept are the compressed bytes.
/// </summary>
public static class PublicPageCache
{
    /// <summary>The pages that may be cached: the same for everyone, no form tokens, no journeys, nothing personal.</summary>
    public static readonly IReadOnlySet<string> Paths = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/", "/family-assistant", "/za-zyciem", "/after-you-apply", "/contact", "/accessibility", "/privacy", "/cookies",
    };

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddParasolPublicPageCache(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            // The pages are small (15-25 kB, compressed a few kB); a few hundred variants take a few MB. Well within the
            // Portal's GC heap ceiling (Parasol.Portal.csproj).
            options.SizeLimit = 16 * 1024 * 1024;
            options.AddBasePolicy(policy => policy
                .With(context => IsPublicPage(context.HttpContext.Request) && !ConsentConfirmation.IsPending(context.HttpContext.Request))
                .Expire(Lifetime)
                .SetVaryByHeader("Accept-Encoding")
                .VaryByValue(httpContext => new KeyValuePair<string, string>("visitor", VisitorKey(httpContext))));
        });

    /// <summary>
    /// After request localization (the key needs the language), before response compression. Every other page (a
    /// journey, a receipt with the family's PESEL and access code, the status of a case) is marked <c>no-store</c>,
    /// so neither the browser nor a proxy keeps a copy: the back button on a shared computer does not bring it back.
    /// </summary>
    public static IApplicationBuilder UseParasolPublicPageCache(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Public pages (the hot path, often answered from the cache) get no callback at all.
            if (!IsPublicPage(context.Request))
            {
                context.Response.OnStarting(() =>
                {
                    var response = context.Response;
                    if (string.IsNullOrEmpty(response.Headers.CacheControl)
                        && response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                    {
                        response.Headers.CacheControl = "no-store";
                    }
                    return Task.CompletedTask;
                });
            }
            return next(context);
        }).UseOutputCache();

    private static bool IsPublicPage(HttpRequest request) =>
        request.Path.Value is { } path && Paths.Contains(path);

    private static string VisitorKey(HttpContext context)
    {
        var preferences = VisitorPreferences.From(context.Request);
        var minute = WarsawTime.Now(context.RequestServices.GetRequiredService<TimeProvider>());
        return string.Join('|',
            CultureInfo.CurrentUICulture.Name,
            preferences.HtmlClasses,
            preferences.Consent.ToString(),
            minute.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
    }
}
