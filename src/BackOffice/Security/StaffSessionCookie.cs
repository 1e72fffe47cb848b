using System.Runtime.ExceptionServices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Parasol.Core.Staff;

namespace Parasol.BackOffice.Security;

/// <summary>
/// Ties every staff cookie to a row of <c>staff_sessions</c>: a session id claim is added when the cookie is issued, the
/// row is looked up on every request (a primary-key lookup, unlike the security stamp which is checked every
/// <see cref="StaffOptions.SessionCheckSeconds"/>), and signing out deletes it. A copy of a signed-out cookie is thus
/// refused at once, while the person's sessions in other browsers go on.
/// </summary>
public static class StaffSessionCookie
{
    public const string ClaimType = "parasol:session";

    public static Guid? SessionId(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimType), out var id) ? id : null;

    /// <summary>
    /// The session this request signed in with, or else the one its cookie carries: right after a sign-in the request's
    /// user is still the one it came with, and the browser's new device must be linked to the new session.
    /// </summary>
    public static Guid? SessionId(HttpContext context) =>
        context.Features.Get<SignedIn>()?.SessionId ?? SessionId(context.User);

    /// <summary>Wraps the cookie's events (Identity's security stamp check stays, after ours).</summary>
    public static void Attach(CookieAuthenticationOptions options, TimeSpan idleTimeout)
    {
        var events = options.Events;
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            bool open;
            try
            {
                open = await IsOpenAsync(context);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Thrown here, the failure would be cached with the authentication result and thrown again while the
                // error page is drawn, leaving a bare 500. The request goes on unauthenticated and fails just after.
                context.RejectPrincipal();
                context.HttpContext.Features.Set(new CheckFailed(ExceptionDispatchInfo.Capture(exception)));
                return;
            }
            if (!open)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            await validate(context);
        };
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            await AddSessionAsync(context, idleTimeout);
            await signingIn(context);
        };
        var signingOut = events.OnSigningOut;
        events.OnSigningOut = async context =>
        {
            if (SessionId(context.HttpContext.User) is { } id)
            {
                await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().EndAsync(id);
            }
            await signingOut(context);
        };
    }

    /// <summary>Right after UseAuthentication: a session that could not be checked (database down) fails its request.</summary>
    public static IApplicationBuilder UseStaffSessionCheckFailures(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.Features.Get<CheckFailed>() is { } failed)
            {
                context.Features.Set<CheckFailed>(null);
                failed.Error.Throw();
            }
            return next(context);
        });

    private sealed record CheckFailed(ExceptionDispatchInfo Error);

    private sealed record SignedIn(Guid SessionId);

    private static async Task<bool> IsOpenAsync(CookieValidatePrincipalContext context) =>
        context.Principal is { } principal && SessionId(principal) is { } id
        && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var staffId)
        && await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().IsOpenAsync(id, staffId);

    /// <summary>
    /// A new sign-in opens a session; a cookie issued again for the person already signed in on this request (enrolment
    /// of an authenticator, a refresh after a new security stamp) keeps theirs.
    /// </summary>
    private static async Task AddSessionAsync(CookieSigningInContext context, TimeSpan idleTimeout)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.HasClaim(c => c.Type == ClaimType)
            || !Guid.TryParse(identity.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var staffId))
        {
            return;
        }
        var current = context.HttpContext.User;
        var id = SessionId(current) is { } open && current.FindFirstValue(ClaimTypes.NameIdentifier) == staffId.ToString()
            ? open
            : await context.HttpContext.RequestServices.GetRequiredService<SignInSessions>().StartAsync(staffId, idleTimeout);
        identity.AddClaim(new Claim(ClaimType, id.ToString()));
        context.HttpContext.Features.Set(new SignedIn(id));
    }
}
