using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Parasol.Core.Web;

/// <summary>
/// The headers every response of both apps carries, and the cookie rules they share. Everything the pages load comes
/// from our own origin, so the policy can forbid inline scripts and every other host outright.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    // The Hangfire dashboard (administrators only) sets inline styles on its charts; its scripts are still files.
    private const string DashboardPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseParasolSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/hangfire")
                    ? DashboardPolicy
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // Journey and case ids appear in our URLs; no other site learns them through the Referer header.
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// HSTS for a year (ASP.NET Core's default is 30 days): a browser that has visited once never again asks for the
    /// office's address over plain HTTP. Subdomains are left out: an office's other sites are not ours to bind.
    /// Sent only outside Development and only over HTTPS (and never for localhost).
    /// </summary>
    public static IServiceCollection AddParasolHsts(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });

    /// <summary>Antiforgery cookie: HttpOnly, SameSite=Strict, and Secure wherever the site is served over HTTPS.</summary>
    public static IServiceCollection AddParasolAntiforgery(this IServiceCollection services, IHostEnvironment environment, string cookieName) =>
        services.AddAntiforgery(options =>
        {
            // Each app names its own: cookies do not tell ports apart, and both apps may share one host name.
            options.Cookie.Name = cookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecure(environment);
        });

    /// <summary>Development and the test hosts run over plain HTTP on loopback; everywhere else cookies are Secure.</summary>
    public static CookieSecurePolicy CookieSecure(IHostEnvironment environment) =>
        environment.IsDevelopmentOrTesting()
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
}
