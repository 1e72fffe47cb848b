using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Parasol.Core.Web;

/// <summary>
/// An address or headers too long for the apps get their error page, not a blank one. Kestrel refuses a request line
/// or headers over its limits itself, before any middleware, with an empty 414 or 431: a family whose browser carries
/// too many cookies for the municipality's domain (each of its other sites may set some) would see a blank page and
/// not know what to do. So <see cref="KestrelSetup"/> raises Kestrel's limits to <see cref="ServerRequestLineLimit"/>
/// and <see cref="ServerHeadersLimit"/> (only a request past those gets the empty answer), and the apps refuse at
/// Kestrel's usual limits (<see cref="RequestTargetLimit"/>, <see cref="HeadersLimit"/>) with the page that says what
/// to do.
/// </summary>
public static class OversizedRequests
{
    /// <summary>The longest address (path and query) a page is answered for: Kestrel's usual request line.</summary>
    public const int RequestTargetLimit = 8 * 1024;

    /// <summary>The most header bytes (names, values, separators) a page is answered for: Kestrel's usual.</summary>
    public const int HeadersLimit = 32 * 1024;

    /// <summary>Kestrel's request line limit, beyond which it refuses without a page.</summary>
    public const int ServerRequestLineLimit = 64 * 1024;

    /// <summary>Kestrel's header limit, beyond which it refuses without a page.</summary>
    public const int ServerHeadersLimit = 128 * 1024;

    /// <summary>414 or 431 when the request is past the apps' limits, otherwise null.</summary>
    public static int? Refusal(HttpContext context)
    {
        var request = context.Request;
        // As sent (Kestrel keeps it); a host that does not (a test server) gives the decoded path and the query.
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = string.IsNullOrEmpty(raw)
            ? (request.PathBase.Value?.Length ?? 0) + (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0)
            : raw.Length;
        if (target > RequestTargetLimit)
        {
            return StatusCodes.Status414UriTooLong;
        }
        var bytes = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                // "Name: value" and its line break, about as Kestrel counts them on HTTP/1.1 (characters, not bytes).
                bytes += name.Length + (value?.Length ?? 0) + 4;
            }
        }
        return bytes > HeadersLimit ? StatusCodes.Status431RequestHeaderFieldsTooLarge : null;
    }
}
