using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Parasol.Core.Web;

/// <summary>What Kestrel accepts before any of the apps' code sees a request, in both apps.</summary>
public static class KestrelSetup
{
    public static IServiceCollection AddParasolKestrel(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(options =>
        {
            // Past the apps' own limits, so that they can answer with their page (OversizedRequests).
            options.Limits.MaxRequestLineSize = OversizedRequests.ServerRequestLineLimit;
            options.Limits.MaxRequestHeadersTotalSize = OversizedRequests.ServerHeadersLimit;
            // Over HTTP/2 (a browser talking TLS to Kestrel directly) the address is a header field of its own.
            options.Limits.Http2.MaxRequestHeaderFieldSize = OversizedRequests.ServerRequestLineLimit;
            // A browser sends a cookie's bytes as the website that set it wrote them, and a website of the same domain
            // (an older municipal one, in ISO-8859-2) may write Polish letters that are not UTF-8. By default Kestrel
            // refuses such a header with an empty 400, so the family could not open a single page. Decoded as UTF-8
            // with replacement characters, the other site's cookie is only unreadable, and ours are ASCII. Line breaks
            // and NUL are still refused.
            options.RequestHeaderEncodingSelector = _ => Encoding.UTF8;
        });
}
