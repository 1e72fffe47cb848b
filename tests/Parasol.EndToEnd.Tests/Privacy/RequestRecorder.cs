using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Parasol.EndToEnd.Tests.Privacy;

/// <summary>
/// Every address a host was asked for (path and query string, as a proxy or an access log would keep it) and every
/// address it sent a browser to (a redirect's Location), recorded ahead of the app's own middleware.
/// </summary>
public sealed class RequestRecorder(string app) : IStartupFilter
{
    private readonly ConcurrentQueue<string> _urls = new();

    public IReadOnlyCollection<string> Urls => _urls;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
    {
        builder.Use(async (context, nextMiddleware) =>
        {
            _urls.Enqueue($"{app} {context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            context.Response.OnStarting(() =>
            {
                if (context.Response.Headers.Location is { Count: > 0 } location)
                {
                    _urls.Enqueue($"{app} Location: {location}");
                }
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(builder);
    };
}
