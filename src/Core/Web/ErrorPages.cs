using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using Parasol.Core.Data;

namespace Parasol.Core.Web;

/// <summary>
/// Friendly error pages: an unhandled exception and any empty 4xx/5xx response are re-executed on the app's
/// <c>/Error/{code}</c> page, which tells people what happened and what to do, never shows a stack trace, and gives a
/// reference the office can find in the logs. The page renders without the database, so it still works when that is down.
/// </summary>
public static class ErrorPages
{
    public const string Path = "/Error";

    /// <summary>
    /// Outermost: an exception anywhere below is shown as the 500 page (the developer page in Development), but for
    /// a request whose connection the network reset, which ends quietly (<see cref="DroppedConnections"/>).
    /// </summary>
    public static IApplicationBuilder UseParasolExceptionPage(this IApplicationBuilder app, IHostEnvironment environment) =>
        (environment.IsDevelopment() ? app : app.UseExceptionHandler(Path)).UseDroppedConnections();

    /// <summary>
    /// After request localization, so the culture chosen for the request (the cookie or <c>?culture=</c>) still holds
    /// when an empty 4xx/5xx response is re-executed as the error page. Also refuses every method but GET, HEAD and
    /// POST (no page answers any other) with 405 and that error page, before a page could run without a handler for it,
    /// and an address or headers past the apps' limits with 414 or 431 and that page (<see cref="OversizedRequests"/>).
    /// </summary>
    public static IApplicationBuilder UseParasolStatusCodePages(this IApplicationBuilder app) =>
        app.UseStatusCodePagesWithReExecute(Path + "/{0}").Use((context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPost(request.Method))
            {
                return OversizedRequests.Refusal(context) is { } refusal ? ShowErrorPage(context, next, refusal) : next(context);
            }
            context.Response.Headers.Allow = "GET, HEAD, POST";
            return ShowErrorPage(context, next, StatusCodes.Status405MethodNotAllowed);
        });

    /// <summary>
    /// Shows the error page for <paramref name="status"/> in place of what was asked for, as for a GET or a HEAD (pages
    /// have no handlers for other methods, and nothing of the request's form or query is bound); the page sets the status.
    /// </summary>
    private static Task ShowErrorPage(HttpContext context, RequestDelegate next, int status)
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
        }
        context.Request.Path = Path + "/" + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Request.QueryString = QueryString.Empty;
        return next(context);
    }
}

/// <summary>What kind of trouble the visitor met, decided from the status code.</summary>
public enum ErrorKind
{
    BadRequest,
    AddressTooLong,
    HeadersTooLarge,
    Forbidden,
    NotFound,
    TooLarge,
    TooManyRequests,
    Unavailable,
    ServerError,
}

/// <summary>The model behind both apps' error page; each app's page words the <see cref="Kind"/> in its own resources.</summary>
[IgnoreAntiforgeryToken]
public abstract class ErrorPageModel : PageModel
{
    public ErrorKind Kind { get; private set; }

    /// <summary>Quoted to the office when reporting a problem; matches the request's trace id in the logs.</summary>
    public string Reference { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var failed = error is not null;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        // The database unreachable where no page could catch it (an app started while PostgreSQL is down has no office
        // profile to draw its layout with): that is "try again shortly", not a fault of ours.
        var databaseAway = error is not null && DatabaseFailures.IsUnavailable(error);
        // A form the server cannot read (e.g. a NUL character) also fails to bind the code: the status is still there.
        var status = databaseAway ? StatusCodes.Status503ServiceUnavailable
            // A request the server refused to read whole (a form over the size limits, a malformed body): its own status.
            : error is BadHttpRequestException refused ? refused.StatusCode
            : error is InvalidDataException ? StatusCodes.Status400BadRequest
            : failed ? StatusCodes.Status500InternalServerError
            : code is >= 400 and < 600 ? code.Value
            : reExecuted && Response.StatusCode >= 400 ? Response.StatusCode
            : StatusCodes.Status404NotFound;
        if (!reExecuted || failed)
        {
            Response.StatusCode = status;
        }
        Kind = status switch
        {
            StatusCodes.Status400BadRequest or StatusCodes.Status405MethodNotAllowed or StatusCodes.Status415UnsupportedMediaType => ErrorKind.BadRequest,
            StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden => ErrorKind.Forbidden,
            StatusCodes.Status404NotFound or StatusCodes.Status410Gone => ErrorKind.NotFound,
            StatusCodes.Status413PayloadTooLarge => ErrorKind.TooLarge,
            StatusCodes.Status414UriTooLong => ErrorKind.AddressTooLong,
            StatusCodes.Status431RequestHeaderFieldsTooLarge => ErrorKind.HeadersTooLarge,
            StatusCodes.Status429TooManyRequests => ErrorKind.TooManyRequests,
            StatusCodes.Status503ServiceUnavailable => ErrorKind.Unavailable,
            >= 400 and < 500 => ErrorKind.BadRequest,
            _ => ErrorKind.ServerError,
        };
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        // Error pages are never cached: the next attempt must reach the server.
        Response.Headers.CacheControl = "no-store";
        if (databaseAway)
        {
            Response.Headers.RetryAfter = "30";
        }
    }
}
